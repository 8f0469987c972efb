import { describe, expect, it } from 'vitest';
import { RunContext } from '../../context.js';
import type { RunInfo } from '../../handler.js';
import { buildGraph, type PlainAttrs } from '../../testing/build-graph.js';
import { FakeWorkspaces } from '../../testing/fake-workspaces.js';
import { toolEnvironment, toolWorkingDirectory } from './tool-env.js';

const run: RunInfo = { id: 'r1', logsRoot: '/runs/r1', baseDir: '/work/pipelines', variables: {}, fidelity: 'compact', threadId: undefined };

function inputFor(graphAttrs: PlainAttrs = {}, variables: Record<string, string> = {}, context: Record<string, unknown> = {}) {
  const graph = buildGraph({ attrs: graphAttrs, nodes: { t: { shape: 'parallelogram' } } });
  return { graph, node: graph.nodes.get('t')!, run: { ...run, variables }, stageDir: '/runs/r1/t', context: new RunContext(context) };
}

describe('decision 7: toolEnvironment', () => {
  it('issue 9: adds run variables, ORCHESTRA_* and ATTRACTOR_* to the base environment', () => {
    const env = toolEnvironment(inputFor({ goal: 'Ship it' }, { pr_number: '123' }), { PATH: '/bin', HOME: '/home/me' });
    expect(env).toEqual({
      PATH: '/bin',
      HOME: '/home/me',
      pr_number: '123',
      ORCHESTRA_RUN_ID: 'r1',
      ORCHESTRA_NODE_ID: 't',
      ORCHESTRA_STAGE_DIR: '/runs/r1/t',
      ORCHESTRA_GOAL: 'Ship it',
      ATTRACTOR_NODE_ID: 't',
      ATTRACTOR_STAGE_DIR: '/runs/r1/t',
      ATTRACTOR_LOGS_ROOT: '/runs/r1',
      ATTRACTOR_PROMPT_FILE: '/runs/r1/t/prompt.txt',
    });
  });

  it('issue 9: ATTRACTOR_* names other Attractor engines give tools cannot be overridden by a run variable', () => {
    const env = toolEnvironment(inputFor({}, { ATTRACTOR_NODE_ID: 'fake', ATTRACTOR_LOGS_ROOT: '/tmp' }), { ATTRACTOR_STAGE_DIR: '/base' });
    expect([env.ATTRACTOR_NODE_ID, env.ATTRACTOR_LOGS_ROOT, env.ATTRACTOR_STAGE_DIR]).toEqual(['t', '/runs/r1', '/runs/r1/t']);
  });

  it.each([
    ['a run variable overrides the base environment', { TITLE: 'mine' }, 'TITLE', 'mine'],
    ['issue 8.6: a reserved name never replaces the base environment', { HOME: '/elsewhere' }, 'HOME', '/home/me'],
    ['ORCHESTRA_* cannot be overridden by a run variable', { ORCHESTRA_RUN_ID: 'fake' }, 'ORCHESTRA_RUN_ID', 'r1'],
    ['a name a shell cannot expand is left out', { 'bad-name': 'x' }, 'bad-name', undefined],
  ])('%s', (_name, variables, key, value) => {
    expect(toolEnvironment(inputFor({}, variables), { HOME: '/home/me', TITLE: 'base' })[key]).toBe(value);
  });

  it('takes the goal from the context when the graph has none', () => {
    expect(toolEnvironment(inputFor({}, {}, { 'graph.goal': 'From context' }), {}).ORCHESTRA_GOAL).toBe('From context');
  });
});

describe('decision 7: toolWorkingDirectory', () => {
  it.each([
    ['unset → the DOT file directory', {}, '/work/pipelines'],
    ['relative → resolved against the DOT file directory', { working_directory: '../repo' }, '/work/repo'],
    ['absolute → as written', { working_directory: '/srv/app' }, '/srv/app'],
    ['blank → the DOT file directory', { working_directory: '  ' }, '/work/pipelines'],
  ])('%s', (_name, attrs, cwd) => {
    expect(toolWorkingDirectory(inputFor(attrs))).toBe(cwd);
  });
});

describe('issue 14: tools in a workspace', () => {
  const workspace = new FakeWorkspaces({ paths: { app: '/ws/app', 'my-lib.v2': '/ws/lib' } });
  async function inWorkspace(graphAttrs: PlainAttrs = {}) {
    const input = inputFor(graphAttrs);
    return { ...input, run: { ...input.run, workspace: await workspace.create({ runId: 'r1', pipeline: 'p' }) } };
  }

  it('gives every repo as ORCHESTRA_WORKSPACE_<REPO>', async () => {
    const env = toolEnvironment(await inWorkspace(), {});
    expect([env.ORCHESTRA_WORKSPACE_APP, env.ORCHESTRA_WORKSPACE_MY_LIB_V2]).toEqual(['/ws/app', '/ws/lib']);
  });

  it.each([
    ['unset → the primary worktree', {}, '/ws/app'],
    ['relative → resolved against the primary worktree', { working_directory: 'src' }, '/ws/app/src'],
    ['absolute → as written', { working_directory: '/srv/app' }, '/srv/app'],
  ])('%s', async (_name, attrs, cwd) => {
    expect(toolWorkingDirectory(await inWorkspace(attrs))).toBe(cwd);
  });

  it('without a workspace no ORCHESTRA_WORKSPACE_ variable is set', () => {
    expect(Object.keys(toolEnvironment(inputFor(), {})).filter((key) => key.startsWith('ORCHESTRA_WORKSPACE_'))).toEqual([]);
  });
});
