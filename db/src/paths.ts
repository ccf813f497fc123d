// Where the workspace's own files are (the SDL, the migrations, the built client), found by walking
// up from the calling module's folder to pnpm-workspace.yaml: the same answer from the TypeScript
// sources and from the bundled server (server/dist), whose modules all share one folder.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function workspacePath(fromDir: string, ...parts: string[]): string {
  let dir = fromDir;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no pnpm-workspace.yaml above ${fromDir}`);
    dir = up;
  }
  return join(dir, ...parts);
}
