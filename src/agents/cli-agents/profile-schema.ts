import { cliProfileStanzaSchema, configIssueMessage } from '../../config/index.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { cliProfileFromStanza } from './profile-from-stanza.js';
import type { CliProfile } from './profile.js';

/**
 * A profile from a stanza given in code (the built-ins, tests, programs), validated by the same
 * schema as `cli_agents` in orchestra.yaml. Errors name the key path (`cli_agents.aider.output.format`)
 * and what is allowed, so that a new CLI is a config change with clear feedback.
 */
export function parseCliProfile(name: string, stanza: unknown, keyPath: readonly string[] = ['cli_agents', name]): CliProfile {
  const result = cliProfileStanzaSchema.safeParse(stanza);
  if (!result.success) {
    const [issue] = result.error.issues;
    const message = issue === undefined ? `${keyPath.join('.')}: invalid profile.` : configIssueMessage(issue, stanza, cliProfileStanzaSchema, keyPath);
    throw new OrchestraError(ErrorCode.CONFIG, message, {
      hint: 'A CLI profile needs `command`; docs/cli-agents.md describes args, prompt_via, output, env, models, npm_package, version_args, config_home and interactive.',
    });
  }
  return cliProfileFromStanza(name, result.data);
}
