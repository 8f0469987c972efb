import { describe, expect, it } from 'vitest';
import { refuseReservedVariables, reservedVariableReason } from './reserved-variables.js';

describe('issue 8.6: reserved run variable names', () => {
  it.each([
    ['PATH', true],
    ['HOME', true],
    ['LD_PRELOAD', true],
    ['LD_LIBRARY_PATH', true],
    ['DYLD_INSERT_LIBRARIES', true],
    ['NODE_OPTIONS', true],
    ['NODE_PATH', true],
    ['SHELL', true],
    ['BASH_ENV', true],
    ['ENV', true],
    ['IFS', true],
    ['PYTHONPATH', true],
    ['PYTHONSTARTUP', true],
    ['PERL5OPT', true],
    ['GIT_SSH_COMMAND', true],
    ['npm_config_script_shell', true],
    ['https_proxy', true],
    ['HTTPS_PROXY', true],
    ['ORCHESTRA_RUN_ID', true],
    ['ATTRACTOR_HOME', true],
    ['ANTHROPIC_BASE_URL', true],
    // Exact names, case included: these are ordinary variables.
    ['path', false],
    ['home', false],
    ['env', false],
    ['Path', false],
    ['pr_number', false],
    ['title', false],
    ['NODE', false],
    ['LD', false],
    ['MY_PATH', false],
    ['GITHUB_REPO', false],
  ])('%s reserved: %s', (name, reserved) => {
    expect(reservedVariableReason(name) !== undefined).toBe(reserved);
  });

  it('refuses a reserved name with E_VARIABLE, naming it and what to do', () => {
    expect(() => refuseReservedVariables({ title: 'x', LD_PRELOAD: '/tmp/evil.so' })).toThrow(
      expect.objectContaining({
        code: 'E_VARIABLE',
        message: expect.stringContaining('Run variable "LD_PRELOAD" has a reserved name') as unknown,
        hint: expect.stringContaining('run_ld_preload=') as unknown,
      }),
    );
  });

  it('accepts ordinary names', () => {
    expect(() => refuseReservedVariables({ title: 'x', path: 'src' })).not.toThrow();
  });
});
