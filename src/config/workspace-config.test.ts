import { describe, expect, it } from 'vitest';
import { formatLocation } from '../core/index.js';
import { parseConfig } from './parse-config.js';
import { configErrorOf } from './testing/config-error-of.js';

const file = '/home/ann/project/orchestra.yaml';

const errorOf = (text: string) => configErrorOf(text, file);
const workspaceOf = (text: string) => parseConfig(text, file, {}, () => false).workspace;

describe('issue 14: the workspace section of orchestra.yaml', () => {
  it.each([
    ['defaults', 'workspace:\n  repos:\n    api: { path: ../api }\n', { repos: { api: { name: 'api', path: '/home/ann/api', branchPrefix: 'orchestra/', push: 'on_completion', remote: 'origin', primary: false } }, onConflict: 'fail' }],
    [
      'every key',
      'workspace:\n  on_conflict: agent\n  repos:\n    web:\n      path: web\n      branch_prefix: team-a/\n      push: never\n      remote: upstream\n      base: develop\n      primary: true\n',
      { repos: { web: { name: 'web', path: '/home/ann/project/web', branchPrefix: 'team-a/', push: 'never', remote: 'upstream', base: 'develop', primary: true } }, onConflict: 'agent' },
    ],
    ['an absolute path stays as written', 'workspace:\n  repos:\n    api: { path: /srv/api, branch_prefix: "" }\n', { repos: { api: { name: 'api', path: '/srv/api', branchPrefix: '', push: 'on_completion', remote: 'origin', primary: false } }, onConflict: 'fail' }],
    [
      'one primary among several',
      'workspace:\n  repos:\n    api: { path: api }\n    web: { path: web, primary: true }\n',
      {
        repos: {
          api: { name: 'api', path: '/home/ann/project/api', branchPrefix: 'orchestra/', push: 'on_completion', remote: 'origin', primary: false },
          web: { name: 'web', path: '/home/ann/project/web', branchPrefix: 'orchestra/', push: 'on_completion', remote: 'origin', primary: true },
        },
        onConflict: 'fail',
      },
    ],
    ['no section', 'backend: simulation\n', { repos: {}, onConflict: 'fail' }],
  ])('issue 14: %s', (_name, text, workspace) => {
    expect(workspaceOf(text)).toEqual(workspace);
  });

  it.each([
    [
      'a prefix with ".."',
      'workspace:\n  repos:\n    api:\n      path: api\n      branch_prefix: a..b/\n',
      '5:22',
      'workspace.repos.api.branch_prefix: git refuses branches named "a..b/"…: it contains "..".',
    ],
    ['a prefix with a space', 'workspace:\n  repos:\n    api: { path: api, branch_prefix: "my runs/" }\n', '3:38', 'workspace.repos.api.branch_prefix: git refuses branches named "my runs/"…: it contains a space or a control character.'],
    ['a prefix starting with "/"', 'workspace:\n  repos:\n    api: { path: api, branch_prefix: /runs/ }\n', '3:38', 'workspace.repos.api.branch_prefix: git refuses branches named "/runs/"…: it starts or ends with "/".'],
    ['a prefix part ending in .lock', 'workspace:\n  repos:\n    api: { path: api, branch_prefix: x.lock/ }\n', '3:38', 'workspace.repos.api.branch_prefix: git refuses branches named "x.lock/"…: its part "x.lock" ends with ".lock".'],
    ['a base git refuses', 'workspace:\n  repos:\n    api: { path: api, base: "main~1" }\n', '3:29', 'workspace.repos.api.base: "main~1" is not a branch name git accepts: it contains "~" (git refuses ~ ^ : ? * [ \\).'],
    [
      'two primary repos',
      'workspace:\n  repos:\n    api: { path: api, primary: true }\n    web: { path: web, primary: true }\n',
      '4:32',
      'workspace.repos.web.primary: only one repo can be primary, and api already is.',
    ],
    ['primary not a boolean', 'workspace:\n  repos:\n    api: { path: api, primary: yes }\n', '3:32', 'workspace.repos.api.primary: expected a boolean, got a string ("yes").'],
    ['an empty remote', 'workspace:\n  repos:\n    api: { path: api, remote: "" }\n', '3:31', 'workspace.repos.api.remote: "" must not be empty.'],
    ['a remote read as an option', 'workspace:\n  repos:\n    api: { path: api, remote: --upload-pack=x }\n', '3:31', 'workspace.repos.api.remote: "--upload-pack=x" starts with "-".'],
    ['a bad on_conflict', 'workspace:\n  on_conflict: merge\n', '2:16', 'workspace.on_conflict: "merge" is not allowed. Allowed: fail, agent.'],
    ['a misspelled key', 'workspace:\n  repos:\n    api: { path: api, remotes: x }\n', '3:23', 'workspace.repos.api.remotes: unknown key. Did you mean "remote"? Allowed here: path, branch_prefix, push, remote, base, primary.'],
  ])('issue 14: %s', (_name, text, position, message) => {
    const error = errorOf(text);
    expect(error.code).toBe('E_CONFIG');
    expect(error.message).toBe(message);
    expect(formatLocation(error.location!)).toBe(`${file}:${position}`);
  });

  it('issue 14: two primary repos: the hint names both', () => {
    expect(errorOf('workspace:\n  repos:\n    api: { path: api, primary: true }\n    web: { path: web, primary: true }\n').hint).toBe('Keep primary: true on api or on web, not both.');
  });
});
