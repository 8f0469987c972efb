import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseEncoding, createDashboardFiles, isAssetName } from './dashboard-files.js';

const root = mkdtempSync(join(tmpdir(), 'orchestra-web-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<html>');
writeFileSync(join(root, 'index.html.br'), 'BR');
writeFileSync(join(root, 'assets', 'app-1.js'), 'js');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('issue 15: the dashboard files', () => {
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['GZIP;q=1', 'gzip'],
    ['deflate', 'identity'],
    [undefined, 'identity'],
  ])('issue 15: Accept-Encoding %s gets %s', (header, encoding) => {
    expect(chooseEncoding(header)).toBe(encoding);
  });

  it.each([
    ['index-BYmB4Qqg.js', true],
    ['run-page-DLioOiRN.css', true],
    ['..', false],
    ['a..js', false],
    ['.hidden.js', false],
    ['x.exe', false],
    ['sub/x.js', false],
  ])('issue 15: %s is an asset name: %s', (name, ok) => {
    expect(isAssetName(name)).toBe(ok);
  });

  it('issue 15: serves the compressed copy when there is one, else the file itself, else nothing', async () => {
    const files = createDashboardFiles(root);
    expect(await files.read('index.html', 'br')).toMatchObject({ encoding: 'br', contentType: 'text/html; charset=utf-8', body: new Uint8Array(Buffer.from('BR')) });
    expect(await files.read('index.html', 'gzip')).toMatchObject({ encoding: 'identity', body: new Uint8Array(Buffer.from('<html>')) });
    expect(await files.read('assets/app-1.js', 'identity')).toMatchObject({ contentType: 'text/javascript; charset=utf-8' });
    expect(await files.read('assets/none.js', 'br')).toBeUndefined();
  });
});
