// The CLI's bundle (`npm run build` runs it after tsc): the CLI, the quick attach path and the
// daemon's entry, each one file of ESM with the modules they load at start, and whatever they
// import() lazily (the AI SDK, Graphviz, the ink TUI, each command) in chunks of their own. Node
// then reads a handful of files instead of ~650 and compiles one module instead of hundreds
// (issue 9: cold `runs` and `attach` under 100 ms). dist/ from tsc stays the library.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

// Loaded from node_modules at run time: native addons (their .node files are found relative to
// their own package), and Graphviz, whose JavaScript carries its WebAssembly inline (megabytes a
// bundle has no use for: it is imported only to draw an SVG). react-devtools-core is ink's optional
// peer, imported only when DEV=true, and not installed.
const external = ['better-sqlite3', 'node-pty', '@hpcc-js/wasm-graphviz', 'react-devtools-core'];

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { orchestra: 'src/cli/main.ts', 'quick-attach': 'src/cli/quick-attach.ts', 'daemon-entry': 'src/server/daemon-entry.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  chunkNames: 'chunk-[hash]',
  // CommonJS packages bundled into ESM (nunjucks, commander's deps) call require() for Node's builtins.
  banner: { js: "import { createRequire as __orchestraRequire } from 'node:module'; const require = __orchestraRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
