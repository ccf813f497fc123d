// GraphiQL at /graphiql outside production, served from the npm packages (no CDN: village sites
// are often offline). A token pasted into the page is sent as the Authorization header.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Router, static as serveStatic } from 'express';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

// Served as a file, not inline, so the Content-Security-Policy can forbid inline scripts.
const SCRIPT = `  const tokenInput = document.getElementById('token');
  tokenInput.value = sessionStorage.getItem('huzhu-token') || '';
  tokenInput.addEventListener('change', () => sessionStorage.setItem('huzhu-token', tokenInput.value.trim()));
  const fetcher = GraphiQL.createFetcher({
    url: '/graphql',
    subscriptionUrl: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql',
  });
  const withToken = (params, options) => {
    const token = tokenInput.value.trim();
    const headers = { ...(options && options.headers), ...(token ? { Authorization: 'Bearer ' + token } : {}) };
    return fetcher(params, { ...options, headers });
  };
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: withToken,
      defaultQuery: 'mutation {\\n  login(phone: "13900000001", password: "huzhu2026") { token member { name roles } }\\n}\\n',
    }),
  );
`;

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Huzhu GraphiQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql/graphiql.min.css">
<style>
  body { margin: 0; height: 100vh; display: flex; flex-direction: column; font: 16px system-ui, sans-serif; }
  header { padding: 8px 12px; display: flex; gap: 8px; align-items: center; background: #f3f4f6; }
  header input { flex: 1; font: inherit; padding: 6px; }
  #graphiql { flex: 1; }
</style>
</head>
<body>
<header>
  <label for="token">Bearer token (from the <code>login</code> mutation):</label>
  <input id="token" placeholder="eyJ..." autocomplete="off">
</header>
<div id="graphiql"></div>
<script src="/graphiql/assets/react/umd/react.production.min.js"></script>
<script src="/graphiql/assets/react-dom/umd/react-dom.production.min.js"></script>
<script src="/graphiql/assets/graphiql/graphiql.min.js"></script>
<script src="/graphiql/app.js"></script>
</body>
</html>`;

export function graphiqlRouter(): Router {
  const router = Router();
  router.use('/graphiql/assets/graphiql', serveStatic(packageDir('graphiql'), { maxAge: '1d' }));
  router.use('/graphiql/assets/react', serveStatic(packageDir('react'), { maxAge: '1d' }));
  router.use('/graphiql/assets/react-dom', serveStatic(packageDir('react-dom'), { maxAge: '1d' }));
  router.get('/graphiql/app.js', (_req, res) => {
    res.type('js').send(SCRIPT);
  });
  router.get('/graphiql', (_req, res) => {
    res.type('html').send(PAGE);
  });
  return router;
}
