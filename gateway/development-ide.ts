import type { Express, Request, Response } from 'express';
import { dirname, join } from 'node:path';
import type { Logger } from '../subgraphs/shared/logger';

/** The IDE's files, served from the packages themselves: the machines are offline, so no CDN. */
const ASSETS: Record<string, { module: string; type: string }> = {
  'react.js': { module: 'react/umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { module: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { module: 'graphiql/graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { module: 'graphiql/graphiql.min.css', type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>VBP hub — GraphiQL (development)</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script src="/graphiql/assets/init.js"></script>
</body>
</html>`;

const INIT = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: 'headers',
    headers: JSON.stringify({ Authorization: 'Bearer <paste: npm run -s token -- --persona hospital>' }, null, 2),
    defaultQuery: '# Put your token in the Headers tab below, then run:\\n{\\n  products { nodes { name specification manufacturer { name } } }\\n}\\n'
  }));
})();`;

/** A file inside an installed package, even one its `exports` map does not list (React's UMD builds). */
function packageFile(path: string): string {
  const [pkg, ...rest] = path.split('/');
  return join(dirname(require.resolve(`${pkg}/package.json`)), ...rest);
}

/**
 * Development only: GraphiQL at /graphiql, from the installed packages (devDependencies), under a
 * content security policy that allows nothing but this origin. Absent from production images.
 */
export function addDevelopmentIde(app: Express, log: Logger): void {
  const files: Record<string, string> = {};
  try {
    for (const [name, asset] of Object.entries(ASSETS)) files[name] = packageFile(asset.module);
  } catch {
    log.info('GraphiQL is not installed (production dependencies only); no IDE is served');
    return;
  }
  const secure = (res: Response) => {
    res.setHeader('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:");
    res.setHeader('x-content-type-options', 'nosniff');
  };
  app.get('/graphiql', (_req: Request, res: Response) => {
    secure(res);
    res.type('html').send(PAGE);
  });
  app.get('/graphiql/assets/init.js', (_req: Request, res: Response) => {
    secure(res);
    res.type('text/javascript').send(INIT);
  });
  app.get('/graphiql/assets/:name', (req: Request, res: Response) => {
    const name = String(req.params.name);
    const asset = ASSETS[name];
    if (!asset) return void res.status(404).end();
    secure(res);
    res.type(asset.type).sendFile(files[name]);
  });
}
