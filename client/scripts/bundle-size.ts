// Bundle budget: the gzip size of the JavaScript a volunteer's phone needs for the first page
// (the entry chunk, the volunteer's needs page, and every chunk they import statically), read from
// dist/.vite/manifest.json. Prints PASS or FAIL against 150 KB; exits 1 on FAIL.
// Run after `pnpm build`: pnpm --filter @huzhu/client bundle-size
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const BUDGET_KB = 150;
const FIRST_PAGE = 'src/pages/volunteer/needs-page.vue';
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`No ${manifestPath}: run \`pnpm --filter @huzhu/client build\` first.`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;

/** A chunk and everything it imports statically, by manifest key. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entryKey) throw new Error('no entry chunk in the manifest');
const firstPageKey = Object.keys(manifest).find((k) => k.endsWith(FIRST_PAGE));
if (!firstPageKey) throw new Error(`${FIRST_PAGE} is not in the manifest`);

const keys = closure(firstPageKey, closure(entryKey));
const rows = [...keys].map((k) => ({ file: manifest[k]?.file ?? k, gzip: gz(manifest[k]?.file ?? k) }));
rows.sort((a, b) => b.gzip - a.gzip);
const entryOnly = [...closure(entryKey)].reduce((s, k) => s + gz(manifest[k]?.file ?? k), 0);
const total = rows.reduce((s, r) => s + r.gzip, 0);
const css = [...keys].flatMap((k) => manifest[k]?.css ?? []);
const cssTotal = [...new Set(css)].reduce((s, f) => s + gz(f), 0);

console.log("JavaScript for the volunteer's first page (gzip):");
for (const r of rows) console.log(`  ${kb(r.gzip).padStart(9)}  ${r.file}`);
console.log(`  entry and its static imports: ${kb(entryOnly)}`);
console.log(`  with the needs page:          ${kb(total)}  (CSS, not counted: ${kb(cssTotal)})`);
const echartsLeak = rows.some((r) => /echarts|report-chart/.test(r.file));
if (echartsLeak) console.log('  ECharts is in the first-page bundle: it should be lazy-loaded.');
const pass = total <= BUDGET_KB * 1024 && !echartsLeak;
console.log(`${pass ? 'PASS' : 'FAIL'}: ${kb(total)} of ${BUDGET_KB} KB`);
process.exit(pass ? 0 : 1);
