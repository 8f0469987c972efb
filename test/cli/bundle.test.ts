import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/core/package-root.js';
import { smallPipeline } from '../../src/cli/testing/pipelines.js';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { assertBuilt, binPath } from './helpers/spawn-cli.js';

let ws: Workspace;
beforeAll(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-bundle-');
  ws.write('small.dot', smallPipeline);
  // A module hook that writes down every module Node's ESM loader loads, one URL a line.
  ws.write('hooks.mjs', "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(process.env.LOADED_LOG, `${url}\\n`);\n  return next(url, context);\n}\n");
  ws.write('register.mjs', `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(ws.dir, 'hooks.mjs')).href)});\n`);
});
afterAll(() => ws.remove());

/** The files (not node: builtins) that `orchestra ARGV` loads as modules, relative to the package. */
function loadedModules(argv: string[]): string[] {
  const log = join(ws.dir, `loaded-${argv[0]}.log`);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(join(ws.dir, 'register.mjs')).href, binPath, ...argv], {
    cwd: ws.dir,
    env: { ...process.env, ORCHESTRA_HOME: ws.home, NO_COLOR: '1', LOADED_LOG: log },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  const root = pathToFileURL(packageRoot()).href;
  return readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith('file:') && !url.endsWith('/register.mjs') && !url.endsWith('/hooks.mjs')).map((url) => (url.startsWith(root) ? url.slice(root.length + 1) : url));
}

describe('the bundled CLI', () => {
  it.each([
    ['runs', ['runs']],
    ['run --simulate', ['run', 'small.dot', '--simulate', '--quiet', 'who=bundle']],
    ['--help', ['--help']],
  ])('issue 9: orchestra %s loads its modules from dist/bundle/ alone, none from dist/ or node_modules', (_name, argv) => {
    const loaded = loadedModules(argv);
    expect(loaded[0]).toBe('bin/orchestra.js');
    expect(loaded.slice(1).filter((file) => !file.startsWith('dist/bundle/'))).toEqual([]);
    // The whole point: a few dozen files, not the ~650 modules of dist/ and node_modules.
    expect(loaded.length).toBeLessThan(80);
  });
});
