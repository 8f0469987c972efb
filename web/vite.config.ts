import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dashboard (issue 15) builds into the package's dist/web/, which the daemon serves at `/`:
// hashed file names under assets/ (cached for a year), index.html without a hash (never cached).
// No source maps in the package: they double its size and the daemon serves nothing it need not.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    reportCompressedSize: false,
    // The run page's chunk holds ELK (about 1.4 MB): loaded only when a run is opened, never by the shell.
    chunkSizeWarningLimit: 2000,
  },
});
