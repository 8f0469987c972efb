import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDbPath, defaultRunsDir, resolveOrchestraHome } from './home.js';

describe('resolveOrchestraHome', () => {
  it.each([
    [{ ORCHESTRA_HOME: '/srv/orchestra', HOME: '/home/ada' }, '/srv/orchestra'],
    [{ ORCHESTRA_HOME: 'relative/home', HOME: '/home/ada' }, resolve('relative/home')],
    [{ ORCHESTRA_HOME: '', HOME: '/home/ada' }, '/home/ada/.orchestra'],
    [{ ORCHESTRA_HOME: '   ', HOME: '/home/ada' }, '/home/ada/.orchestra'],
    [{ HOME: '/home/ada' }, '/home/ada/.orchestra'],
    [{}, `${homedir()}/.orchestra`],
  ])('%j → %s', (env, expected) => {
    expect(resolveOrchestraHome(env)).toBe(expected);
  });

  it('places the database and the run directories in the home', () => {
    expect(defaultDbPath('/srv/orchestra')).toBe('/srv/orchestra/orchestra.db');
    expect(defaultRunsDir('/srv/orchestra')).toBe('/srv/orchestra/runs');
  });
});

describe('defaultDbPath with WORKFLOW_DB_PATH (seed 004)', () => {
  it.each([
    [{}, '/srv/orchestra/orchestra.db'],
    [{ WORKFLOW_DB_PATH: '' }, '/srv/orchestra/orchestra.db'],
    [{ WORKFLOW_DB_PATH: '/data/workflows.sqlite' }, '/data/workflows.sqlite'],
    [{ WORKFLOW_DB_PATH: ' /data/../data/w.sqlite ' }, '/data/w.sqlite'],
  ])('issue 13: %j → %s', (env, expected) => {
    expect(defaultDbPath('/srv/orchestra', env)).toBe(expected);
  });

  it('issue 13: a relative WORKFLOW_DB_PATH is refused, saying what to give instead', () => {
    expect(() => defaultDbPath('/srv/orchestra', { WORKFLOW_DB_PATH: './data/workflows.sqlite' })).toThrow(expect.objectContaining({ code: 'E_CONFIG', message: expect.stringContaining('relative path') }));
  });
});
