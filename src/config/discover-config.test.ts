import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ancestors, discoverConfigFile } from './discover-config.js';

describe('discoverConfigFile', () => {
  let root: string;
  const home = () => join(root, 'home');
  const put = (relative: string) => {
    const path = join(root, relative);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'backend: simulation\n');
    return path;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'orchestra-discover-'));
    mkdirSync(join(root, 'repo', 'pipelines', 'deep'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  // Each row: the files present, and which one a pipeline in repo/pipelines/deep gets.
  it.each([
    ['the pipeline directory', ['repo/pipelines/deep/orchestra.yaml', 'repo/orchestra.yaml', 'home/config.yaml'], 'repo/pipelines/deep/orchestra.yaml'],
    ['the nearest parent', ['repo/pipelines/orchestra.yaml', 'repo/orchestra.yaml', 'home/config.yaml'], 'repo/pipelines/orchestra.yaml'],
    ['a farther parent', ['repo/orchestra.yaml', 'home/config.yaml'], 'repo/orchestra.yaml'],
    ['.yml when there is no .yaml', ['repo/orchestra.yml', 'home/config.yaml'], 'repo/orchestra.yml'],
    ['.yaml before .yml in one directory', ['repo/orchestra.yml', 'repo/orchestra.yaml'], 'repo/orchestra.yaml'],
    ['$ORCHESTRA_HOME/config.yaml last', ['home/config.yaml'], 'home/config.yaml'],
    ['nothing', [], undefined],
  ])('finds %s', (_name, files, expected) => {
    for (const file of files) put(file);
    const found = discoverConfigFile({ startDir: join(root, 'repo', 'pipelines', 'deep'), env: { ORCHESTRA_HOME: home() } });
    expect(found).toBe(expected === undefined ? undefined : join(root, expected));
  });

  it('uses ~/.orchestra/config.yaml when ORCHESTRA_HOME is not set', () => {
    put('user/.orchestra/config.yaml');
    const found = discoverConfigFile({ startDir: join(root, 'repo'), env: { HOME: join(root, 'user') } });
    expect(found).toBe(join(root, 'user', '.orchestra', 'config.yaml'));
  });

  it('ignores a directory named orchestra.yaml', () => {
    mkdirSync(join(root, 'repo', 'orchestra.yaml'));
    expect(discoverConfigFile({ startDir: join(root, 'repo'), env: { ORCHESTRA_HOME: home() } })).toBeUndefined();
  });

  it('lists a directory and its parents up to the root', () => {
    expect(ancestors('/a/b/c')).toEqual(['/a/b/c', '/a/b', '/a', '/']);
    expect(ancestors('/')).toEqual(['/']);
  });
});
