import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

let base: string;
const bin = (cwd: string, ...argv: string[]) => runBin(argv, { cwd, home: join(base, 'home') });

beforeAll(() => assertBuilt());
beforeEach(async () => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-wf-check-')));
  expect((await bin(base, 'init', 'proj')).code).toBe(0);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('issue 11: orchestra workflow check', () => {
  it("loads a fresh project's workflows in the CLI process, 'orchestra' resolved with no node_modules there", async () => {
    const result = await bin(join(base, 'proj'), 'workflow', 'check', '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      project: join(base, 'proj'),
      ok: true,
      workflows: [{ name: 'customer-support', file: join(base, 'proj/workflows/customer-support.ts'), versionHash: expect.stringMatching(/^[0-9a-f]{16}$/) }],
      problems: [],
    });
  });

  it('lists what loads and reports each problem at its file:line:col, exit 1', async () => {
    const project = join(base, 'proj');
    writeFileSync(join(project, 'workflows/broken.ts'), "import { workflow } from 'orchestra';\nexport const x = workflow('broken', async () => {\n  return 1 +;\n});\n");
    writeFileSync(join(project, 'workflows/twin.ts'), "import { workflow } from 'orchestra';\nexport const twin = workflow('customer-support', async () => 1);\n");
    writeFileSync(join(project, 'workflows/ok.ts'), "import { workflow } from 'orchestra';\nexport const ok = workflow('ok', async () => 1, { description: 'fine' });\n");
    const result = await bin(join(project, 'workflows'), 'workflow', 'check');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^WORKFLOW +FILE +VERSION +DESCRIPTION\nok +ok\.ts +[0-9a-f]{16} +fine\n\.\.: 1 workflow, 2 problems\n$/);
    expect(result.stderr).toBe(
      [
        'error[E_WORKFLOW_LOAD]: workflow file workflows/broken.ts did not load: workflows/broken.ts:3:12: syntax error: Unexpected token',
        '  --> broken.ts:3:12',
        '  hint: Fix the file and try again; `npx tsc -p .` in the project checks its types too (the loader only strips them).',
        'error[E_WORKFLOW_LOAD]: workflow "customer-support" is defined twice: in workflows/customer-support.ts (export customerSupport) and in workflows/twin.ts (export twin)',
        '  --> twin.ts:2:30',
        '  hint: Each workflow needs a name of its own: rename one of them (the first argument of workflow()).',
        '',
      ].join('\n'),
    );
  });
});
