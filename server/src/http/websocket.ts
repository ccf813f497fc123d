// GraphQL over WebSocket (graphql-ws on /graphql) with what HTTP has: every operation sees the
// viewer an HTTP request would see at that moment (the connection keeps its token, never its
// roles), the same document limits and introspection rule, errors masked and localized by the
// same formatter, the per-member request budget, and caps on subscriptions per socket and sockets
// per member.
import type { IncomingMessage, Server } from 'node:http';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { viewerFromToken } from '../auth/auth.service';
import { bearerToken } from '../auth/tokens';
import type { Viewer } from '../auth/authorize';
import type { ServerResources } from '../core/deps';
import { buildContext, langOf, type Lang } from '../graphql/context';
import { AppError, ErrorCode, fail } from '../core/errors';
import { toGraphQLError } from '../graphql/errors';
import { LIMITS, type Protection } from '../security/limits';
import { requestKey, type RequestLimiter } from '../security/request-limiter';
import { errorFormatter, localize } from './apollo';

export const WS_LIMITS = {
  /** Subscriptions open at once on one socket. */
  subscriptionsPerSocket: 20,
  /** Sockets open at once per member, in this process. */
  socketsPerMember: 10,
  /** A socket that has not sent connection_init by then is closed (4408). */
  connectionInitWaitMs: 3_000,
  /** The largest message, as for an HTTP body; a larger one closes the socket (1009). */
  maxPayloadBytes: LIMITS.bodyBytes,
} as const;

/** The close code for a member's socket over WS_LIMITS.socketsPerMember: 1013 "try again later". */
export const TOO_MANY_SOCKETS = 1013;

export interface WebSocketOptions {
  server: Server;
  schema: GraphQLSchema;
  services: ServerResources;
  protection: Protection;
  introspection: boolean;
  production: boolean;
  limiter: RequestLimiter;
  /** Express's compiled 'trust proxy' (TRUST_PROXY): which hops' X-Forwarded-For to believe. */
  trustProxy: (address: string, hop: number) => boolean;
  /** PUBLIC_URL: links use it over the socket's own address, as over HTTP. */
  publicUrl?: string | undefined;
}

/**
 * The client's address as Express's req.ip gives it for an HTTP request: the socket's peer, or,
 * through each trusted proxy in turn, the address that proxy forwarded (X-Forwarded-For, read
 * from the right). One rule for both transports, so a socket cannot pick its own budget.
 */
export function clientAddress(
  request: IncomingMessage,
  trust: (address: string, hop: number) => boolean,
): string | undefined {
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .reverse();
  const chain = [request.socket.remoteAddress ?? '', ...forwarded];
  for (let hop = 0; hop < chain.length - 1; hop++) if (!trust(chain[hop]!, hop)) return chain[hop];
  return chain[chain.length - 1] || undefined;
}

/** What one socket keeps between its messages: its token and who it is for, never their roles. */
interface Connection {
  token: string | undefined;
  /** The token's member, for the request budget and the socket cap. */
  memberId: number | undefined;
  lang: Lang;
  ip: string | undefined;
  baseUrl: string;
  /** Ids of this socket's subscriptions still open. */
  subscriptions: Set<string>;
  /** Whether this socket counts towards its member's socket cap. */
  counted: boolean;
}

type Params = Record<string, unknown> | undefined;

/** The client's language: a `lang` or `acceptLanguage` connection param, else the upgrade's Accept-Language. */
function langOfSocket(params: Params, request: IncomingMessage): Lang {
  const param = params?.lang ?? params?.acceptLanguage;
  return langOf(typeof param === 'string' ? param : request.headers['accept-language']);
}

/** GraphQL's own errors get the codes Apollo gives them over HTTP, so the formatter treats them alike. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}

export function useWebSocket(o: WebSocketOptions) {
  const wss = new WebSocketServer({ server: o.server, path: '/graphql', maxPayload: WS_LIMITS.maxPayloadBytes });
  const rules = [
    ...specifiedRules,
    ...o.protection.validationRules,
    ...(o.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
  // HTTP's formatter: suggestions hidden in production, internals masked and logged with an id.
  const formatError = errorFormatter({ hideSuggestions: o.protection.hideSuggestions });
  /** Open sockets per member in this process. */
  const sockets = new Map<number, number>();

  const viewerOf = async (conn: Connection): Promise<Viewer | null> =>
    conn.token ? viewerFromToken(o.services.db, o.services.members, o.services.jwtSecret, conn.token) : null;

  /** The same formatting as HTTP's (apollo.ts), in the socket's language. */
  const format = (errors: readonly GraphQLError[], lang: Lang): GraphQLFormattedError[] =>
    localize(
      errors.map((e) => formatError(e.toJSON(), e)),
      lang,
    );

  const requestErrors = (errors: readonly GraphQLError[], code: string) => errors.map((e) => withCode(e, code));

  /** Parses, validates and authorizes one operation; its errors are sent as the operation's answer. */
  const prepare = async (
    conn: Connection,
    id: string,
    payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  ): Promise<ExecutionArgs | readonly GraphQLError[]> => {
    const verdict = await o.limiter.take(requestKey(conn.memberId, conn.ip));
    if (!verdict.allowed) {
      fail(
        ErrorCode.TOO_MANY_REQUESTS,
        { en: 'Too many requests; please wait a moment', zh: '请求太频繁，请稍后再试' },
        { retryAfterSeconds: verdict.retryAfterSeconds },
      );
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query, o.protection.parseOptions);
    } catch (error) {
      if (error instanceof GraphQLError) return requestErrors([error], 'GRAPHQL_PARSE_FAILED');
      throw error;
    }
    const invalid = validate(o.schema, document, rules);
    if (invalid.length > 0) return requestErrors(invalid, 'GRAPHQL_VALIDATION_FAILED');
    const operation: OperationDefinitionNode | null | undefined = getOperationAST(document, payload.operationName);
    if (!operation) {
      return [new GraphQLError('Unable to identify the operation', { extensions: { code: 'BAD_REQUEST' } })];
    }
    const coerced = getVariableValues(o.schema, operation.variableDefinitions ?? [], payload.variables ?? {});
    if (coerced.errors) return requestErrors(coerced.errors, 'BAD_USER_INPUT');

    // The viewer as an HTTP request would see them now: the member cache follows every change.
    const viewer = await viewerOf(conn);
    if (operation.operation === 'subscription') {
      if (conn.subscriptions.size >= WS_LIMITS.subscriptionsPerSocket) {
        fail(ErrorCode.TOO_MANY_REQUESTS, {
          en: `At most ${WS_LIMITS.subscriptionsPerSocket} subscriptions on one connection; end one first`,
          zh: `一个连接最多订阅${WS_LIMITS.subscriptionsPerSocket}项，请先取消一项`,
        });
      }
      conn.subscriptions.add(id);
    }
    const contextValue = buildContext(o.services, {
      viewer,
      lang: conn.lang,
      ip: conn.ip,
      baseUrl: conn.baseUrl,
      viewerNow: () => viewerOf(conn),
    });
    return {
      schema: o.schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables,
      contextValue,
    };
  };

  return useServer<Params, { conn?: Connection }>(
    {
      schema: o.schema,
      // Close reasons of internal errors say nothing more in production.
      isProd: o.production,
      connectionInitWaitTimeout: WS_LIMITS.connectionInitWaitMs,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams;
        const { request, socket } = ctx.extra;
        const header = params?.authorization ?? params?.Authorization;
        // As over HTTP, a token that is not "Bearer <token>" or does not verify is refused, not anonymous.
        const parsed = bearerToken(header);
        if (parsed === null) return false;
        const token = parsed;
        let viewer: Viewer | null;
        try {
          viewer = token ? await viewerFromToken(o.services.db, o.services.members, o.services.jwtSecret, token) : null;
        } catch {
          return false;
        }
        const conn: Connection = {
          token,
          memberId: viewer?.id,
          lang: langOfSocket(params, request),
          ip: clientAddress(request, o.trustProxy),
          baseUrl: o.publicUrl ?? `http://${request.headers.host ?? 'localhost'}`,
          subscriptions: new Set(),
          counted: false,
        };
        if (viewer) {
          const open = sockets.get(viewer.id) ?? 0;
          if (open >= WS_LIMITS.socketsPerMember) {
            socket.close(
              TOO_MANY_SOCKETS,
              `Too many connections: at most ${WS_LIMITS.socketsPerMember} per member; close one first`,
            );
            return false;
          }
          sockets.set(viewer.id, open + 1);
          conn.counted = true;
        }
        ctx.extra.conn = conn;
        return true;
      },
      onClose: (ctx) => {
        const conn = ctx.extra.conn;
        if (!conn?.counted || conn.memberId === undefined) return;
        conn.counted = false;
        const left = (sockets.get(conn.memberId) ?? 1) - 1;
        if (left > 0) sockets.set(conn.memberId, left);
        else sockets.delete(conn.memberId);
      },
      onSubscribe: async (ctx, id, payload) => {
        const conn = ctx.extra.conn;
        if (!conn) return [new GraphQLError('Not connected', { extensions: { code: 'UNAUTHENTICATED' } })];
        try {
          return await prepare(conn, id, payload);
        } catch (error) {
          if (error instanceof AppError) return [toGraphQLError(error)];
          throw error;
        }
      },
      onNext: (ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors, ctx.extra.conn?.lang ?? 'zh') } : undefined,
      onError: (ctx, id, _payload, errors) => {
        ctx.extra.conn?.subscriptions.delete(id);
        return format(errors, ctx.extra.conn?.lang ?? 'zh');
      },
      onComplete: (ctx, id) => {
        ctx.extra.conn?.subscriptions.delete(id);
      },
    },
    wss,
  );
}
