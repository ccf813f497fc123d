// Runs each operation through graphql-jit: a document is compiled once into plain JavaScript that
// resolves exactly its fields, instead of graphql-js walking the document and the schema for every
// object of every list. On the list reads (needs with claims, a month's visits) graphql-js's walk
// was most of the cost of our GraphQL layer (docs/perf.md). Parsing, validation (our limits
// included), error formatting and the plugins stay Apollo's: graphql-jit only replaces execute.
//
// Apollo Server takes a custom executor only through its gateway interface, so this is shaped as a
// gateway whose schema never changes. Subscriptions (graphql-ws) keep graphql-js: an event is one
// small object, and they do not pass through Apollo. A new document costs a compile (about a
// millisecond) on top of its validation; Armor's limits bound its size.
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/** At most this many compiled operations per document object (an operation name each). */
const PER_DOCUMENT = 8;

export function compiledExecution(schema: GraphQLSchema): Gateway {
  // Apollo's document store hands back the same DocumentNode for the same query text, so the
  // document object is the key, and a document Apollo evicts takes its compiled code with it.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
  const compile = (document: DocumentNode, operationName: string | undefined) => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (!entry) {
      // Timestamps and ids are serialised by the schema's own scalars, as graphql-js would.
      entry = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      if (byName.size < PER_DOCUMENT) byName.set(key, entry);
    }
    return entry;
  };
  return {
    async load() {
      return {
        schema,
        executor: async (request) => {
          const entry = compile(request.document, request.operationName ?? undefined);
          if (!isCompiledQuery(entry)) return entry;
          const variables = request.request.variables ?? {};
          const result = await entry.query(undefined, request.context, variables);
          // No data at all: the variables were refused before anything ran. graphql-js words
          // that refusal the way Apollo recognises (a 400, BAD_USER_INPUT, naming the variable);
          // graphql-jit's errors lack the variable's node, and would be masked as internal.
          if (result.data === undefined && result.errors?.length) {
            return execute({
              schema,
              document: request.document,
              contextValue: request.context,
              variableValues: variables,
              operationName: request.operationName,
            });
          }
          return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors are look-alikes of graphql-js's: their message is read-only and, when the
 * thrown error has none, `extensions` is undefined. Apollo's plugins may rewrite a message and its
 * error formatting reads `extensions.code`; on a look-alike the first throws (every user error in
 * production became a 500) and the second throws before our formatError is reached (an internal
 * error answered without a log line). So each becomes a real GraphQLError, the same error otherwise.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const writable = Object.getOwnPropertyDescriptor(error, 'message')?.writable ?? true;
  if (writable && error.extensions) return error;
  const real = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  // GraphQLError computes locations from AST nodes, which graphql-jit has already turned into locations.
  if (error.locations) Object.assign(real, { locations: error.locations });
  return real;
}
