// The CLI's bundle (`npm run build` runs it after tsc): the CLI, the quick attach path and the
// daemon's entry as ESM, with code splitting, so each command loads the chunks of what it imports
// and what is import()ed lazily (the AI SDK, Graphviz, the ink TUI, each command's module) stays
// out of the others' way. Node then reads a few dozen files instead of ~650 and compiles a few large
// modules instead of hundreds of small ones (issue 9: cold `runs` and `attach` under 100 ms).
// dist/ from tsc stays the library. Orchestra's modules are declared free of import side effects
// (package.json sideEffects), so a barrel does not pull a module nobody uses into a chunk.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

// Loaded from node_modules at run time: node-pty (a native addon that finds its files relative to its
// own package), and Graphviz, whose JavaScript carries its WebAssembly inline (megabytes a bundle has
// no use for: it is imported only to draw an SVG). react-devtools-core is ink's optional peer,
// imported only when DEV=true, and not installed. jiti (loads workflow files) requires its own
// babel build by a relative path at run time, and is loaded only by what runs workflows.
const external = ['node-pty', '@hpcc-js/wasm-graphviz', 'react-devtools-core', 'jiti'];

// better-sqlite3's JavaScript is bundled (every command with a store loads it: ~15 CommonJS files);
// its addon is found as the package's own bindings module would, in its build/Release, resolved at run time
// from where the bundle is installed.
const sqliteAddon = {
  name: 'better-sqlite3-addon',
  setup(build) {
    build.onResolve({ filter: /^bindings$/ }, (args) => (args.importer.includes('better-sqlite3') ? { path: 'bindings', namespace: 'sqlite-addon' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'sqlite-addon' }, () => ({
      contents: "const { dirname, join } = require('node:path'); module.exports = (name) => require(join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', name));",
      loader: 'js',
    }));
  },
};

// zod's `locales` namespace holds its error messages in ~50 languages (390 KB, a third of zod), and
// esbuild keeps all of them because `z` is one namespace object. Orchestra uses the English ones,
// which zod installs itself from locales/en.js: the namespace keeps only those.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: "export { default as en } from './en.js';", loader: 'js' }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { orchestra: 'src/cli/main.ts', 'quick-attach': 'src/cli/quick-attach.ts', 'daemon-entry': 'src/server/daemon-entry.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  plugins: [zodEnglishOnly, sqliteAddon],
  chunkNames: 'chunk-[hash]',
  // CommonJS packages bundled into ESM (nunjucks, commander's deps) call require() for Node's builtins.
  banner: { js: "import { createRequire as __orchestraRequire } from 'node:module'; const require = __orchestraRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  // What each chunk holds and why, for esbuild's analyzer: BUNDLE_METAFILE=/tmp/meta.json npm run build
  metafile: process.env.BUNDLE_METAFILE !== undefined,
});
if (process.env.BUNDLE_METAFILE) writeFileSync(process.env.BUNDLE_METAFILE, JSON.stringify(result.metafile));
