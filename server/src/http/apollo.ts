// Apollo Server: error masking (no stack traces, no internals), messages in the client's language.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import type { Context } from '../graphql/context';
import { AppError, ErrorCode } from '../core/errors';
import type { Protection } from '../security/limits';
import { compiledExecution } from './compiled-execution';
import { logInternalError, markError, scopeOfError, type RequestScope } from './request-log';

export const CATALOGUE = new Set<string>(Object.values(ErrorCode));

/** Codes GraphQL and Apollo give to a bad request: the client's fault, shown as they are. */
export const REQUEST_ERRORS = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** graphql-js's suggestions: "Did you mean "totalCount"?", "... the enum value "OPEN"?" and the like. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** A request error's message without the schema names a suggestion would give away. */
export function hideSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/**
 * Apollo's formatError: catalogue errors and the client's own mistakes as they are (suggestions
 * dropped in production, where introspection is off too), anything else masked, logged once and
 * answered with the request's id.
 */
export function errorFormatter(options: { hideSuggestions: boolean }) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const scope = scopeOfError(error);
    const answer = format(formatted, error, options, scope);
    // Counted by code for GET /metrics.
    scope?.errorCodes.push(String(answer.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
    return answer;
  };
}

function format(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { hideSuggestions: boolean },
  scope: RequestScope | undefined,
): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (original instanceof AppError) return formatted;
  const code = formatted.extensions?.code;
  const message = options.hideSuggestions ? hideSuggestions(formatted.message) : formatted.message;
  // Thrown as plain GraphQLErrors where Apollo requires it (while building the context); also
  // graphql-js's variable coercion errors, which are BAD_USER_INPUT too.
  if (typeof code === 'string' && CATALOGUE.has(code)) return { ...formatted, message };
  if (typeof code === 'string' && REQUEST_ERRORS.has(code)) {
    return {
      message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code },
    };
  }
  const requestId = logInternalError(original, { requestId: scope?.requestId, operation: scope?.operation });
  return {
    message: 'Internal server error; please try again',
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', messageZh: '服务器出错了，请稍后再试', requestId },
  };
}

/** Picks each error's message in the request's language and drops the other. */
export function localize(errors: readonly GraphQLFormattedError[], lang: 'zh' | 'en'): GraphQLFormattedError[] {
  return errors.map((e) => {
    const { messageZh, ...extensions } = (e.extensions ?? {}) as Record<string, unknown>;
    const message = lang === 'zh' && typeof messageZh === 'string' ? messageZh : e.message;
    return { ...e, message, ...(e.extensions ? { extensions } : {}) };
  });
}

const localizePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      // The operation a logged internal error belongs to (the body may not name it).
      async didResolveOperation({ operationName, contextValue }) {
        if (contextValue.scope) contextValue.scope.operation = operationName ?? '';
      },
      // Formatted next (formatError), which is given the error alone: each error names its request.
      async didEncounterErrors({ errors, contextValue }) {
        const scope = contextValue?.scope;
        if (scope) for (const error of errors) markError(error, scope);
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind === 'single' && response.body.singleResult.errors) {
          response.body.singleResult.errors = localize(response.body.singleResult.errors, contextValue?.lang ?? 'zh');
        }
      },
    };
  },
};

export function createApollo(
  schema: GraphQLSchema,
  httpServer: Server,
  options: { introspection: boolean; protection: Protection },
) {
  return new ApolloServer<Context>({
    gateway: compiledExecution(schema),
    introspection: options.introspection,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: !options.introspection,
    // One operation a request: a batch of 1,000 is one request's worth of work a thousand times.
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false, // main.ts owns SIGTERM/SIGINT: Apollo's own handler races it and shutdown hangs
    formatError: errorFormatter({ hideSuggestions: options.protection.hideSuggestions }),
    validationRules: options.protection.validationRules,
    parseOptions: options.protection.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Installed by default, it wraps every field's resolver to compute cache hints; no answer
      // here is cacheable by a CDN (each is per viewer), so it is all cost.
      ApolloServerPluginCacheControlDisabled(),
      localizePlugin,
      ...options.protection.plugins,
    ],
  });
}
