import { describe, expect, it } from 'vitest';
import { workflow } from '../../../workflows/definition.js';
import type { LoadedWorkflow, WorkflowRegistry } from '../../../workflows/loader/index.js';
import { WorkflowVersions } from './workflow-versions.js';

/** A project whose files the test rewrites: each load gives the current hash of each name. */
function fakeProject(hashes: Record<string, string>) {
  let loads = 0;
  const load = (): Promise<WorkflowRegistry> => {
    loads++;
    const definitions = new Map(Object.entries(hashes).map(([name, hash]) => [name, { definition: workflow<unknown, string>(name, async () => hash) as LoadedWorkflow['definition'], file: `/p/workflows/${name}.ts`, versionHash: hash }]));
    return Promise.resolve({ definitions, problems: [], conflicts: new Map() });
  };
  return { load, loads: () => loads };
}

/** `projectDir` null: an instance that recorded no project folder. */
const instance = (name: string, version: string, projectDir: string | null = '/p') => ({ id: `i-${version}`, name, version, ...(projectDir !== null && { projectDir }) });

describe('workflow versions', () => {
  it('issue 11: an instance runs on the version it is pinned to after its file changed; a new version is loaded on first sight', async () => {
    const hashes: Record<string, string> = { order: 'v1' };
    const project = fakeProject(hashes);
    const versions = new WorkflowVersions({ load: project.load });
    expect(await versions.find(instance('order', 'v1'))).toMatchObject({ pinned: true, loaded: { versionHash: 'v1' } });
    hashes.order = 'v2';
    // An instance started on the new file: its version is unknown, so the project is reloaded once.
    expect(await versions.find(instance('order', 'v2'))).toMatchObject({ pinned: true, loaded: { versionHash: 'v2' } });
    expect(project.loads()).toBe(2);
    // The old instance still gets the old code.
    const old = await versions.find(instance('order', 'v1'));
    expect(old).toMatchObject({ pinned: true, loaded: { versionHash: 'v1' } });
    expect(await old!.loaded.definition.run({} as never, undefined)).toBe('v1');
    expect(project.loads()).toBe(2);
  });

  it('issue 11: a version this process never loaded runs on the current code, with a warning; an unknown name or project is not found', async () => {
    const warnings: string[] = [];
    const project = fakeProject({ order: 'v3' });
    const versions = new WorkflowVersions({ load: project.load, log: { warn: (message) => warnings.push(message) } });
    expect(await versions.find(instance('order', 'v0'))).toMatchObject({ pinned: false, loaded: { versionHash: 'v3' } });
    expect(warnings).toEqual(['workflow version not available: running the instance on the current code']);
    // The first load, then one reload looking for v0; asked again, no more reloads for it.
    expect(project.loads()).toBe(2);
    await versions.find(instance('order', 'v0'));
    expect(project.loads()).toBe(2);
    expect(await versions.find(instance('refund', 'v1'))).toBeUndefined();
    expect(await versions.find(instance('order', 'v3', null))).toBeUndefined();
    const withDefault = new WorkflowVersions({ load: project.load, defaultProject: '/p' });
    expect(await withDefault.find(instance('order', 'v3', null))).toMatchObject({ pinned: true });
  });
});
