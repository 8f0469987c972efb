import type { CliProfileConfig } from '../../config/index.js';
import type { CliProfile, FieldSpec } from './profile.js';

/**
 * A profile from the resolved `cli_agents` entry of orchestra.yaml. The config layer keeps the
 * common keys (command, args, prompt_via, output paths, env, install); a richer stanza parsed with
 * parseCliProfile offers the rest (optional argument groups, turns, tool uses, tier models).
 */
export function profileFromConfig(config: CliProfileConfig): CliProfile {
  const last = (path: string | undefined): FieldSpec | undefined => (path === undefined ? undefined : { path, reduce: 'last' });
  const fields = { text: last(config.output.textPath), sessionId: last(config.output.sessionIdPath), costUsd: last(config.output.costPath) };
  return {
    name: config.name,
    command: config.command,
    args: config.args,
    promptVia: config.promptVia === 'stdin' ? 'stdin' : 'argument',
    output: config.output.format === 'text' ? { format: 'text' } : { format: 'jsonl', fields: Object.fromEntries(Object.entries(fields).filter(([, spec]) => spec !== undefined)) },
    env: config.env,
    models: {},
    npmPackage: undefined,
    installHint: config.install,
    versionArgs: ['--version'],
  };
}
