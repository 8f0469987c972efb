import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

/*
 * The dashboard's built files (issue 15): `npm run build` writes them with Vite into dist/web/, each
 * next to its Brotli (.br) and gzip (.gz) copy (scripts/compress-web.js), so the daemon compresses
 * nothing at run time. Files are read on first request and kept: they never change under a daemon.
 */

export type ContentEncoding = 'br' | 'gzip' | 'identity';

export interface DashboardFile {
  body: Uint8Array;
  contentType: string;
  encoding: ContentEncoding;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** A hashed asset's name as Vite writes it: no folder, no dot-dot, nothing but a plain file name. */
const assetName = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export function isAssetName(name: string): boolean {
  return assetName.test(name) && !name.includes('..') && extname(name) in contentTypes;
}

/** Which encoding to answer with, by the request's Accept-Encoding (no q-value weighing: br, then gzip). */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const accepted = new Set((acceptEncoding ?? '').split(',').map((part) => part.split(';')[0]?.trim().toLowerCase()));
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : 'identity';
}

const suffix: Readonly<Record<ContentEncoding, string>> = { br: '.br', gzip: '.gz', identity: '' };

export interface DashboardFiles {
  /** `path` relative to the web folder (`index.html`, `assets/x.js`); undefined when there is no such file. */
  read(path: string, encoding: ContentEncoding): Promise<DashboardFile | undefined>;
}

export function createDashboardFiles(root: string): DashboardFiles {
  const cache = new Map<string, Promise<Uint8Array | undefined>>();
  const load = (file: string) => {
    let body = cache.get(file);
    if (body === undefined) {
      body = readFile(file).then((buffer) => new Uint8Array(buffer), () => undefined);
      cache.set(file, body);
    }
    return body;
  };
  return {
    async read(path, encoding) {
      const contentType = contentTypes[extname(path)] ?? 'application/octet-stream';
      const file = join(root, path);
      // A copy compressed at build; else the file itself (a build without copies still works).
      const compressed = encoding === 'identity' ? undefined : await load(file + suffix[encoding]);
      if (compressed !== undefined) return { body: compressed, contentType, encoding };
      const plain = await load(file);
      return plain && { body: plain, contentType, encoding: 'identity' };
    },
  };
}
