import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeCli, tempDir } from './cli-test-support.js';
import { cliSearchDirs, resolveCliCommand, resolveCommand } from './resolve-command.js';

// A project tree: root/node_modules/.bin/agent-a, root/app (the cwd), bin/ on PATH with agent-b and a
// second agent-a, own/node_modules/.bin/agent-c standing in for Orchestra's own package.
function layout() {
  const root = tempDir('resolve');
  const projectBin = join(root, 'node_modules', '.bin');
  const pathBin = join(root, 'path-bin');
  const ownBin = join(root, 'own', 'node_modules', '.bin');
  const cwd = join(root, 'app');
  for (const dir of [projectBin, pathBin, ownBin, cwd]) mkdirSync(dir, { recursive: true });
  const paths = {
    projectA: fakeCli(projectBin, 'agent-a', 'echo a'),
    pathA: fakeCli(pathBin, 'agent-a-on-path', 'echo a'),
    pathB: fakeCli(pathBin, 'agent-b', 'echo b'),
    ownC: fakeCli(ownBin, 'agent-c', 'echo c'),
    absolute: fakeCli(root, 'absolute-agent', 'echo abs'),
    local: fakeCli(cwd, 'local-agent', 'echo local'),
  };
  return { root, cwd, env: { PATH: pathBin }, own: join(root, 'own'), paths };
}

describe('issue 9: one resolver for agent CLIs (run and doctor)', () => {
  const { cwd, env, own, paths, root } = layout();
  it.each<[string, string, string | undefined]>([
    ['a bare name in the project node_modules/.bin (a parent of cwd)', 'agent-a', paths.projectA],
    ['a bare name on PATH', 'agent-b', paths.pathB],
    ["a bare name in Orchestra's own node_modules/.bin", 'agent-c', paths.ownC],
    ['an absolute command that exists', paths.absolute, paths.absolute],
    ['a relative path, against cwd', './local-agent', paths.local],
    ['an absolute command that does not exist', join(root, 'gone'), undefined],
    ['a bare name found nowhere', 'orchestra-no-such-agent', undefined],
    ['an empty command', '', undefined],
  ])('%s', (_what, command, expected) => {
    expect(resolveCliCommand(command, env, cwd, own)).toBe(expected);
  });

  it('searches PATH first, then node_modules/.bin up the tree, then its own', () => {
    const dirs = cliSearchDirs(env, cwd, own);
    expect(dirs[0]).toBe(env.PATH);
    expect(dirs.indexOf(join(cwd, 'node_modules', '.bin'))).toBeLessThan(dirs.indexOf(join(root, 'node_modules', '.bin')));
    expect(dirs.at(-1)).toBe(join(own, 'node_modules', '.bin'));
  });

  it('keeps resolveCommand (agent tools, tool nodes) to PATH only', () => {
    expect(resolveCommand('agent-a', env, cwd)).toBeUndefined();
    expect(resolveCommand('agent-b', env, cwd)).toBe(paths.pathB);
  });
});
