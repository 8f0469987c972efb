import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatePipeline, smallPipeline } from '../../src/cli/testing/pipelines.js';
import { openHarness, type Harness } from './operation-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openHarness('orchestra-api-pipelines-');
  writeFileSync(join(h.project, 'gate.dot'), gatePipeline);
  mkdirSync(join(h.project, 'flows'));
  writeFileSync(join(h.project, 'flows', 'small.dot'), smallPipeline);
  mkdirSync(join(h.project, 'node_modules'));
  writeFileSync(join(h.project, 'node_modules', 'dep.dot'), smallPipeline);
  mkdirSync(join(h.root, 'outside'));
  writeFileSync(join(h.root, 'outside', 'secret.dot'), smallPipeline);
  symlinkSync(join(h.root, 'outside', 'secret.dot'), join(h.project, 'link.dot'));
  symlinkSync(join(h.root, 'outside'), join(h.project, 'linked-dir'));
});
afterAll(async () => {
  await h.store.close();
  rmSync(h.root, { recursive: true, force: true });
});

const broken = 'digraph Broken {\n  start [shape=Mdiamond]\n  a -> \n}\n';

describe('issue 12: pipeline operations', () => {
  it("issue 12: pipelines.list lists the project's .dot files, never a symlink or what it leads to", async () => {
    expect(await h.call('pipelines.list', { project: h.project })).toEqual({ project: h.project, files: ['flows/small.dot', 'gate.dot'] });
  });

  it('issue 12: pipelines.validate of broken DOT text returns an error diagnostic at its line and column, without failing', async () => {
    const result = (await h.call('pipelines.validate', { source: broken })) as { ok: boolean; diagnostics: Array<{ severity: string; rule: string; line?: number; column?: number }> };
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', rule: 'E_DOT_SYNTAX', line: 4, column: expect.any(Number) })]);
  });

  it('issue 12: pipelines.validate of a file reports validation findings with their positions', async () => {
    writeFileSync(join(h.project, 'no-exit.dot'), 'digraph NoExit {\n  start [shape=Mdiamond]\n  work [prompt="x"]\n  start -> work\n}\n');
    const result = (await h.call('pipelines.validate', { project: h.project, file: 'no-exit.dot' })) as { ok: boolean; file: string; diagnostics: Array<{ severity: string; line?: number }> };
    expect(result.ok).toBe(false);
    expect(result.file).toBe('no-exit.dot');
    expect(result.diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
    const valid = (await h.call('pipelines.validate', { project: h.project, file: 'flows/small.dot', variables: { who: 'me' } })) as { ok: boolean; nodes: number; edges: number };
    expect(valid).toMatchObject({ ok: true, nodes: 4, edges: 3 });
  });

  it.each([
    ['a symlink leading out', 'link.dot'],
    ['a path through a linked folder', 'linked-dir/secret.dot'],
    ['a path climbing out', '../outside/secret.dot'],
    ['an absolute path outside', '/etc/hostname'],
  ])('issue 12: pipelines.validate refuses %s of the project (E_USAGE naming file)', async (_label, file) => {
    await expect(h.call('pipelines.validate', { project: h.project, file })).rejects.toMatchObject({ code: 'E_USAGE', fields: [{ field: 'file', message: 'is outside the project' }] });
  });

  it('issue 12: a folder that is not a known project is E_NOT_A_PROJECT; a missing file E_FILE_NOT_FOUND', async () => {
    await expect(h.call('pipelines.list', { project: join(h.root, 'outside') })).rejects.toMatchObject({ code: 'E_NOT_A_PROJECT' });
    await expect(h.call('pipelines.validate', { project: h.project, file: 'missing.dot' })).rejects.toMatchObject({ code: 'E_FILE_NOT_FOUND' });
  });

  it('issue 12: pipelines.validate needs exactly one of file and source (a zod error naming the field)', async () => {
    await expect(h.call('pipelines.validate', { project: h.project, file: 'gate.dot', source: gatePipeline })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['file'] })] });
    await expect(h.call('pipelines.validate', { file: 'gate.dot' })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['project'] })] });
  });

  it('issue 12: pipelines.render returns the SVG text; a broken pipeline is E_VALIDATION at its line', async () => {
    const { svg } = (await h.call('pipelines.render', { project: h.project, file: 'gate.dot' })) as { svg: string };
    expect(svg).toContain('<svg');
    expect(svg).toContain('review');
    await expect(h.call('pipelines.render', { source: broken })).rejects.toMatchObject({ code: 'E_VALIDATION', location: expect.objectContaining({ line: 4 }) });
  });
});
