import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import * as orchestra from '../../src/index.js';
import { loadWorkflows } from '../../src/workflows/loader/index.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = (project: string, config = 'tsconfig.json') =>
  spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: project, encoding: 'utf8' });

let base: string;
let home: string;
const bin = (cwd: string, ...argv: string[]) => runBin(argv, { cwd, home });

beforeAll(() => assertBuilt());
beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-init-')));
  home = join(base, 'home');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const initFiles = ['orchestra.yaml', 'workflows/customer-support.ts', 'tsconfig.json', '.orchestra/.gitignore', '.orchestra/types/orchestra.d.ts'];

describe('issue 11: orchestra init', () => {
  it('creates the project files; run again, it keeps every file and says so', async () => {
    const first = await bin(base, 'init', 'proj');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('Orchestra project in proj:\n  created   orchestra.yaml\n  created   workflows/customer-support.ts\n');
    for (const file of initFiles) expect(existsSync(join(base, 'proj', file))).toBe(true);
    expect(readFileSync(join(base, 'proj/.orchestra/types/orchestra.d.ts'), 'utf8')).toContain(`export * from ${JSON.stringify(join(root, 'dist/index.js'))};`);

    expect(first.stdout).not.toContain('note: your tsconfig.json was kept');
    expect((await bin(join(base, 'proj'), 'init')).stdout).not.toContain('note: your tsconfig.json was kept');
    writeFileSync(join(base, 'proj/orchestra.yaml'), 'people: {}\n');
    writeFileSync(join(base, 'proj/tsconfig.json'), '{}\n');
    const again = await bin(join(base, 'proj'), 'init', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      project: join(base, 'proj'),
      files: [...initFiles.slice(0, 4).map((path) => ({ path, outcome: 'skipped' })), { path: initFiles[4], outcome: 'unchanged' }],
    });
    expect(readFileSync(join(base, 'proj/orchestra.yaml'), 'utf8')).toBe('people: {}\n');
    expect((await bin(join(base, 'proj'), 'init')).stdout).toContain(
      '  note: your tsconfig.json was kept; to type-check workflows with it, add to its compilerOptions: "paths": { "orchestra": ["./.orchestra/types/orchestra.d.ts"] }\n',
    );
  });

  it('a project configured by orchestra.yml gets no second config file', async () => {
    mkdirSync(join(base, 'proj'));
    writeFileSync(join(base, 'proj/orchestra.yml'), '{}\n');
    const result = await bin(join(base, 'proj'), 'init', '--json');
    expect(JSON.parse(result.stdout).files[0]).toEqual({ path: 'orchestra.yml', outcome: 'skipped' });
    expect(existsSync(join(base, 'proj/orchestra.yaml'))).toBe(false);
  });

  it('the starter orchestra.yaml is valid and names the groups the example asks', async () => {
    await bin(base, 'init', 'proj');
    const { config } = await loadConfig({ startDir: join(base, 'proj'), env: {} });
    expect(config.people.configured).toBe(true);
    expect(JSON.stringify(config.people)).toContain('support-l1');
  });

  it("tsc type-checks a fresh project's workflows, 'orchestra' resolved with no node_modules there", async () => {
    await bin(base, 'init', 'proj');
    const project = join(base, 'proj');
    expect(existsSync(join(project, 'node_modules'))).toBe(false);
    // Only workflow() is on main so far; step/task/timeout come with the runtime (see the next test).
    writeFileSync(join(project, 'tsconfig.only.json'), JSON.stringify({ extends: './tsconfig.json', include: ['workflows/typed.ts'] }));
    writeFileSync(join(project, 'workflows/typed.ts'), "import { workflow } from 'orchestra';\nexport const typed = workflow('typed', async (ctx, input: { n: number }) => `${ctx.workflowId}:${input.n * 2}`);\n");
    expect(tsc(project, 'tsconfig.only.json')).toMatchObject({ status: 0, stdout: '' });
    writeFileSync(join(project, 'workflows/typed.ts'), "import { workflow } from 'orchestra';\nexport const typed = workflow('typed', async (ctx) => ctx.noSuchField);\n");
    const failed = tsc(project, 'tsconfig.only.json');
    expect(failed.status).toBe(2);
    expect(failed.stdout).toContain("workflows/typed.ts(2,59): error TS2339: Property 'noSuchField' does not exist on type 'WorkflowContext'.");
  });

  const sdkExported = ['step', 'task', 'timeout'].every((name) => name in orchestra);
  it.runIf(sdkExported)('tsc type-checks the whole fresh project, example included', async () => {
    await bin(base, 'init', 'proj');
    expect(tsc(join(base, 'proj'))).toMatchObject({ status: 0, stdout: '' });
  });

  it('the example and a generated workflow load, from the bundle-built dist', async () => {
    await bin(base, 'init', 'proj');
    expect(await bin(join(base, 'proj'), 'generate', 'workflow', 'order-refund')).toMatchObject({ code: 0 });
    const registry = await loadWorkflows(join(base, 'proj'));
    expect(registry.problems).toEqual([]);
    expect([...registry.definitions.keys()].sort()).toEqual(['customer-support', 'order-refund']);
  });
});

describe('issue 11: orchestra generate', () => {
  beforeEach(() => {
    mkdirSync(join(base, 'proj/sub/deeper'), { recursive: true });
    writeFileSync(join(base, 'proj/orchestra.yaml'), '{}\n');
  });

  it('writes workflows/NAME.ts in the project of the nearest orchestra.yaml, and refuses to overwrite it', async () => {
    const cwd = join(base, 'proj/sub/deeper');
    expect(await bin(cwd, 'generate', 'workflow', 'order-refund')).toEqual({
      code: 0,
      stdout: `created ${join(base, 'proj/workflows/order-refund.ts')}\nnext: orchestra workflow start order-refund --input '{"message":"hello"}'\n`,
      stderr: '',
    });
    const path = join(base, 'proj/workflows/order-refund.ts');
    expect(readFileSync(path, 'utf8')).toContain("export const orderRefund = workflow('order-refund', async (ctx, input: Input) => {");
    writeFileSync(path, '// mine\n');
    const again = await bin(join(base, 'proj'), 'generate', 'workflow', 'order-refund');
    expect(again).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error[E_USAGE]: workflows/order-refund.ts already exists; nothing was written\n  hint: Choose another name, or remove the file first if you mean to start order-refund again.\n',
    });
    expect(readFileSync(path, 'utf8')).toBe('// mine\n');
  });

  it('writes NAME.dot beside orchestra.yaml, a pipeline that compiles', async () => {
    const cwd = join(base, 'proj');
    expect(await bin(cwd, 'generate', 'pipeline', 'nightly-report')).toMatchObject({ code: 0, stdout: 'created nightly-report.dot\nnext: orchestra compile nightly-report.dot\n' });
    const compiled = await bin(cwd, 'compile', 'nightly-report.dot');
    expect(compiled.code).toBe(0);
    expect(compiled.stdout).toMatch(/^nightly-report\.dot: ok, 3 nodes, 2 edges; 0 errors/);
    expect((await bin(cwd, 'generate', 'pipeline', 'nightly-report')).code).toBe(2);
  });

  it('refuses a name that is not kebab-case, writing nothing', async () => {
    const cwd = join(base, 'proj');
    expect(await bin(cwd, 'generate', 'workflow', 'OrderRefund')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error[E_USAGE]: workflow name "OrderRefund" is not kebab-case\n  hint: Use lowercase letters, digits and single hyphens, starting with a letter: orchestra generate workflow order-refund.\n',
    });
    expect((await bin(cwd, 'generate', 'pipeline', '../escape')).code).toBe(2);
    expect(existsSync(join(base, 'proj/workflows'))).toBe(false);
    expect(existsSync(join(base, 'escape.dot'))).toBe(false);
  });
});

describe('issue 11: orchestra --help', () => {
  it('lists init, generate, db, workflow, guided (issue 13), worker and dev under their own heading', async () => {
    const help = await bin(base, '--help');
    const section = help.stdout.slice(help.stdout.indexOf('Projects and workflows:'));
    expect(section.split('\n\n')[0]?.match(/^ {2}\S+/gm)).toEqual(['  init', '  generate', '  db', '  workflow', '  guided', '  worker', '  dev']);
  });
});
