import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as orchestra from '../../index.js';
import { isWorkflowDefinition } from '../definition.js';
import { loadWorkflows } from './load-workflows.js';
import { requireWorkflow } from './require-workflow.js';

// Real files, loaded by the real jiti; `orchestra` resolves to this package's dist/ (npm run build).
let base: string;
let project: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(base, path)), { recursive: true });
  writeFileSync(join(base, path), text);
};
const greet = (name: string, extra = '') =>
  `import { workflow } from 'orchestra';\n${extra}export const ${name.replace(/-/g, '_')} = workflow('${name}', async (_ctx, input: { who: string }) => \`hello \${input.who}\`);\n`;

beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-wf-loader-')));
  project = join(base, 'proj');
  mkdirSync(join(project, 'workflows'), { recursive: true });
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('issue 11: loading workflow files', () => {
  it("loads every definition a file exports, importing 'orchestra' with no node_modules in the project", async () => {
    write('proj/workflows/greet.ts', greet('greet') + "export default greet;\nexport const notAWorkflow = { name: 'x' };\n");
    write('proj/workflows/other.mts', greet('other'));
    const registry = await loadWorkflows(project);
    expect(registry.problems).toEqual([]);
    expect([...registry.definitions.keys()].sort()).toEqual(['greet', 'other']);
    const loaded = requireWorkflow(registry, 'greet');
    expect(loaded.file).toBe(join(project, 'workflows/greet.ts'));
    expect(loaded.versionHash).toMatch(/^[0-9a-f]{16}$/);
    expect(isWorkflowDefinition(loaded.definition)).toBe(true);
    const ctx = { workflowId: 'w1', workflowName: 'greet', isReplaying: false };
    expect(await loaded.definition.run(ctx, { who: 'ann' })).toBe('hello ann');
  });

  it('the version hash follows the file and the helpers it imports from workflows/, and only them', async () => {
    write('proj/workflows/lib/text.ts', "export const shout = (s: string): string => s.toUpperCase();\n");
    write('proj/workflows/a.ts', greet('a', "import { shout } from './lib/text';\nvoid shout;\n"));
    write('proj/workflows/b.ts', greet('b'));
    const hash = async (name: string) => requireWorkflow(await loadWorkflows(project), name).versionHash;
    const [a1, b1] = [await hash('a'), await hash('b')];
    expect(await hash('a')).toBe(a1);
    write('proj/workflows/lib/text.ts', "export const shout = (s: string): string => `${s.toUpperCase()}!`;\n");
    expect(await hash('a')).not.toBe(a1);
    expect(await hash('b')).toBe(b1);
  });

  it('a file that does not compile is a problem at its file:line:col; the other files still load', async () => {
    write('proj/workflows/bad.ts', "import { workflow } from 'orchestra';\n\nexport const bad = workflow('bad', async () => {\n  const x = ;\n});\n");
    write('proj/workflows/good.ts', greet('good'));
    const registry = await loadWorkflows(project);
    expect([...registry.definitions.keys()]).toEqual(['good']);
    expect(registry.problems).toHaveLength(1);
    expect(registry.problems[0]).toMatchObject({
      code: 'E_WORKFLOW_LOAD',
      message: 'workflow file workflows/bad.ts did not load: workflows/bad.ts:4:12: syntax error: Unexpected token',
      location: { file: join(project, 'workflows/bad.ts'), line: 4, column: 12 },
    });
  });

  it('a file that throws while loading, or imports what does not exist, is a problem at the line', async () => {
    write('proj/workflows/throws.ts', "import { workflow } from 'orchestra';\nvoid workflow;\nthrow new Error('no config');\n");
    write('proj/workflows/missing.ts', "import { nothing } from './lib/nowhere';\nexport const x = nothing;\n");
    const registry = await loadWorkflows(project);
    expect(registry.definitions.size).toBe(0);
    const [missing, throws] = registry.problems;
    expect(throws).toMatchObject({ message: 'workflow file workflows/throws.ts did not load: workflows/throws.ts:3:7: no config', location: { line: 3, column: 7 } });
    expect(missing).toMatchObject({
      message: "workflow file workflows/missing.ts did not load: workflows/missing.ts:1:25: Cannot find module './lib/nowhere'",
      location: { line: 1, column: 25 },
    });
  });

  it('two files defining one name: a problem naming both files, and neither definition is used', async () => {
    write('proj/workflows/one.ts', greet('same'));
    write('proj/workflows/two.ts', greet('same'));
    const registry = await loadWorkflows(project);
    expect(registry.definitions.size).toBe(0);
    const expected = {
      code: 'E_WORKFLOW_LOAD',
      message: 'workflow "same" is defined twice: in workflows/one.ts (export same) and in workflows/two.ts (export same)',
      location: { file: join(project, 'workflows/two.ts'), line: 2, column: 30 },
    };
    expect(registry.problems).toEqual([expect.objectContaining(expected)]);
    expect(() => requireWorkflow(registry, 'same')).toThrow(expect.objectContaining(expected));
  });

  it('a name that does not exist: E_WORKFLOW_NOT_FOUND listing the names, with a did-you-mean', async () => {
    write('proj/workflows/support.ts', greet('customer-support') + greet('refund').replace("import { workflow } from 'orchestra';\n", ''));
    const registry = await loadWorkflows(project);
    expect(() => requireWorkflow(registry, 'customer-suport')).toThrow(
      expect.objectContaining({
        code: 'E_WORKFLOW_NOT_FOUND',
        message: 'no workflow named "customer-suport". Did you mean "customer-support"?',
        hint: 'Workflows: customer-support, refund. Workflows are exported from files in workflows/ (`orchestra generate workflow customer-suport` makes one).',
      }),
    );
    const empty = await loadWorkflows(join(base, 'no-such-project'));
    expect(empty).toEqual({ definitions: new Map(), problems: [], conflicts: new Map() });
    expect(() => requireWorkflow(empty, 'x')).toThrow(expect.objectContaining({ code: 'E_WORKFLOW_NOT_FOUND', hint: expect.stringContaining('The project defines no workflow.') }));
  });

  it('never executes a file outside workflows/: neither a symlinked workflow nor a relative import leaving it', async () => {
    const ran = '__orchestraLoaderTestRan';
    write('outside.ts', `(globalThis as Record<string, unknown>)['${ran}'] = true;\n${greet('evil')}`);
    symlinkSync(join(base, 'outside.ts'), join(project, 'workflows/evil.ts'));
    write('proj/workflows/sneaky.ts', greet('sneaky', "import '../../outside';\n"));
    write('proj/workflows/fine.ts', greet('fine'));
    const registry = await loadWorkflows(project);
    expect((globalThis as Record<string, unknown>)[ran]).toBeUndefined();
    expect([...registry.definitions.keys()]).toEqual(['fine']);
    expect(registry.problems.map((problem) => problem.message)).toEqual([
      `workflow file workflows/evil.ts is a link to ${join(base, 'outside.ts')}, outside the workflows folder; it was not loaded`,
      `workflow file ${join(project, 'workflows/sneaky.ts')} imports ../../outside, which is ${join(base, 'outside.ts')}: outside the workflows folder ${join(project, 'workflows')}`,
    ]);
  });

  it('a symlink to a file inside workflows/ loads, and declaration files and tests are not workflows', async () => {
    write('proj/workflows/lib/real.ts', greet('linked'));
    symlinkSync(join(project, 'workflows/lib/real.ts'), join(project, 'workflows/linked.ts'));
    write('proj/workflows/types.d.ts', 'export type X = string;\n');
    write('proj/workflows/linked.test.ts', "throw new Error('a test file was loaded');\n");
    const registry = await loadWorkflows(project);
    expect(registry.problems).toEqual([]);
    expect(requireWorkflow(registry, 'linked').file).toBe(join(project, 'workflows/lib/real.ts'));
  });

  it("with orchestraModule, 'orchestra' is the caller's own module object, not dist/", async () => {
    write('proj/workflows/same.ts', "import { workflow, marker } from 'orchestra';\nexport const same = workflow('same', async () => marker);\n");
    const ctx = { workflowId: 'w1', workflowName: 'same', isReplaying: false };
    const mine = await loadWorkflows(project, { orchestraModule: { ...orchestra, marker: 'mine' } });
    expect(await requireWorkflow(mine, 'same').definition.run(ctx, undefined)).toBe('mine');
    const dist = await loadWorkflows(project);
    expect(await requireWorkflow(dist, 'same').definition.run(ctx, undefined)).toBeUndefined();
  });
});
