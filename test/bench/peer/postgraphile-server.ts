// The peer, in a process of its own (forked by ./postgraphile.ts): PostGraphile 4 in library mode
// on node:http over the bench database's public schema, with the options its documentation
// recommends for production and nothing tuned beyond them. It builds its schema (introspection)
// before it says it is ready, then sends its URL to the parent over IPC.
//
// Options, from the "Recommended options / For Production" set of the v4 docs
// (postgraphile.org/postgraphile/current/usage-cli and usage-library), as they list them:
//   dynamicJson, setofFunctionsContainNulls: false, ignoreRBAC: false, extendedErrors: ['errcode'],
//   the pg-simplify-inflector plugin ("We recommend you install" it), graphiql off,
//   enableQueryBatching, disableQueryLog ("our default logging has performance issues"),
//   legacyRelations: 'omit'.
// Left as the docs' production set would not have it, each for the bench's sake, none for speed:
//   retryOnInitFail false (recommended true, so a server waits out a database restart: here a
//   schema that does not build must fail the run at once); subscriptions off and watchPg off (no
//   subscription or live schema is measured; watch mode installs event triggers in the database);
//   no pgSettings / JWT: the peer has no authentication, as the bare baseline verifies no token
//   (our server checks one on every request), and it connects as the bench's database user, so it
//   would show every column of every table: a measuring instrument, not a deployable server.
// Its pool is PostGraphile's own default (pg.Pool, 10 connections), as our server's and bare's.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import PgSimplifyInflectorPlugin from '@graphile-contrib/pg-simplify-inflector';
import type * as PostGraphile from 'postgraphile';
import { SMART_TAGS } from './postgraphile';

// CommonJS whose re-exports (graphile-utils' makeJSONPgSmartTagsPlugin) Node's ESM import cannot see.
const { postgraphile, makeJSONPgSmartTagsPlugin } = createRequire(import.meta.url)(
  'postgraphile',
) as typeof PostGraphile;

const url = process.env.PEER_DATABASE_URL;
if (!url) throw new Error('PEER_DATABASE_URL is not set');

const middleware = postgraphile(url, 'public', {
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  extendedErrors: ['errcode'],
  appendPlugins: [PgSimplifyInflectorPlugin, makeJSONPgSmartTagsPlugin(SMART_TAGS)],
  graphiql: false,
  enableQueryBatching: true,
  disableQueryLog: true,
  legacyRelations: 'omit',
  retryOnInitFail: false,
  watchPg: false,
  subscriptions: false,
});
// Introspect and build now, so the first measured request does not pay for it.
await middleware.getGraphQLSchema();

const server = createServer(middleware);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
const { port } = server.address() as AddressInfo;
process.send!({ url: `http://127.0.0.1:${port}/graphql` });

// The parent going away (stop(), or a bench that crashed) ends the peer.
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
