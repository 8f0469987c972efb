// The dashboard's built files (dist/web, `vite build`) with a Brotli (.br) and a gzip (.gz) copy
// beside each text file, made once at build: the daemon answers with the copy the browser accepts
// (src/server/web/dashboard-files.ts) and compresses nothing per request. Prints the shell's first
// load (index.html and what it links: the entry script, its static imports and the CSS), gzipped.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../dist/web', import.meta.url));
const compressible = /\.(html|js|css|svg|json)$/;

const files = ['index.html', ...readdirSync(join(root, 'assets')).map((name) => `assets/${name}`)].filter((name) => compressible.test(name));
const gzipped = new Map();
for (const name of files) {
  const body = readFileSync(join(root, name));
  const gz = gzipSync(body, { level: 9 });
  gzipped.set(name, gz.length);
  writeFileSync(join(root, `${name}.gz`), gz);
  // Quality 11 takes seconds on the megabyte of ELK for a few percent; 9 keeps the build quick.
  writeFileSync(join(root, `${name}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: body.length > 256 * 1024 ? 9 : 11 } }));
}

// What the shell loads first: index.html, then every asset it names (scripts, module preloads, CSS).
const html = readFileSync(join(root, 'index.html'), 'utf8');
const linked = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]);
const firstLoad = ['index.html', ...linked].reduce((sum, name) => sum + (gzipped.get(name) ?? 0), 0);
process.stdout.write(`dashboard: ${files.length} files compressed; first load of the shell ${(firstLoad / 1024).toFixed(1)} KB gzipped\n`);
