import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGuidedDefinition, guidedDefinitionsDir, listGuidedDefinitions } from './list-definitions.js';

const temp = mkdtempSync(join(tmpdir(), 'orchestra-guided-list-'));
const project = join(temp, 'project');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const step = '# Orchestrator Guidance\n# Client Instructions\nDo it.\n';
function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
function workflow(dir: string, title: string): void {
  write(join(dir, 'index.md'), `# ${title}\n## Steps\n1. a\n`);
  write(join(dir, 'steps', 'a.md'), step);
}

beforeAll(() => {
  workflow(join(project, 'workflows', 'WORK'), 'Work');
  workflow(join(project, 'workflows', 'SAVE'), 'Save');
  write(join(project, 'workflows', 'BAD', 'index.md'), '# Bad\n## Steps\n1. missing\n');
  write(join(project, 'workflows', 'deploy.ts'), 'export {};\n');
  mkdirSync(join(project, 'workflows', 'not-a-workflow'), { recursive: true });
  workflow(join(temp, 'elsewhere', 'OUTSIDE'), 'Outside');
  symlinkSync(join(temp, 'elsewhere', 'OUTSIDE'), join(project, 'workflows', 'LINKED_OUT'));
  symlinkSync(join(project, 'workflows', 'WORK'), join(project, 'workflows', 'WORK_ALIAS'));
  workflow(join(project, 'guided', 'OTHER'), 'Other');
});

describe('listGuidedDefinitions', () => {
  it('issue 13: lists the sub-folders with an index.md by name, refusing a link out of the folder', async () => {
    const entries = await listGuidedDefinitions(project, {});
    expect(entries.map((e) => [e.name, e.definition?.title, e.diagnostics.map((d) => `${d.loc?.file} ${d.rule}`)])).toEqual([
      ['BAD', undefined, ['workflows/BAD/index.md guided_step_file_exists']],
      ['LINKED_OUT', undefined, ['workflows/LINKED_OUT guided_definition_confined']],
      ['SAVE', 'Save', []],
      ['WORK', 'Work', []],
      ['WORK_ALIAS', 'Work', []],
    ]);
    expect(entries.find((e) => e.name === 'WORK')?.dir).toBe(join(project, 'workflows', 'WORK'));
  });

  it('issue 13: WORKFLOW_DEFINITIONS_DIR names the folder, relative to the project or absolute', async () => {
    expect((await listGuidedDefinitions(project, { WORKFLOW_DEFINITIONS_DIR: 'guided' })).map((e) => e.name)).toEqual(['OTHER']);
    expect(guidedDefinitionsDir(project, { WORKFLOW_DEFINITIONS_DIR: join(temp, 'elsewhere') })).toBe(join(temp, 'elsewhere'));
    expect(guidedDefinitionsDir(project, { WORKFLOW_DEFINITIONS_DIR: ' ' })).toBe(join(project, 'workflows'));
    expect(await listGuidedDefinitions(project, { WORKFLOW_DEFINITIONS_DIR: 'none' })).toEqual([]);
  });

  it.each([
    ['WORK', 'Work'],
    ['SAVE', 'Save'],
    ['nope', undefined],
    ['../guided/OTHER', undefined],
    ['..', undefined],
    ['deploy.ts', undefined],
  ])('issue 13: findGuidedDefinition(%j) finds %j', async (name, title) => {
    const entry = await findGuidedDefinition(project, {}, name);
    expect(entry?.definition?.title).toBe(title);
  });
});
