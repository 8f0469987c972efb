import type { OutputFieldName, OutputFieldStanza, ResolvedCliOutput, ResolvedCliProfileStanza, Reduce } from '../../config/index.js';
import type { CliProfile, FieldSpec, OutputFieldKey, OutputSpec } from './profile.js';

/**
 * The CliProfile for a validated `cli_agents.<name>` stanza (ResolvedConfig.cliAgents, or a
 * built-in run through the same schema). The one place the stanza's snake_case meets the profile.
 */
export function cliProfileFromStanza(name: string, stanza: ResolvedCliProfileStanza): CliProfile {
  const { interactive } = stanza;
  return {
    name,
    command: stanza.command,
    args: stanza.args,
    promptVia: stanza.prompt_via,
    output: toOutputSpec(stanza.output),
    env: stanza.env,
    passEnv: stanza.pass_env,
    models: stanza.models,
    npmPackage: stanza.npm_package,
    installHint: stanza.install,
    versionArgs: stanza.version_args,
    configHome: stanza.config_home,
    ...(interactive !== undefined && {
      interactive: {
        args: interactive.args,
        resumeArgs: interactive.resume_args,
        sessionId: interactive.session_id,
        status: interactive.status,
        promptVia: interactive.prompt_via,
        env: interactive.env,
        sessionIdPattern: interactive.session_id_pattern,
        mcp: interactive.mcp,
        approvals: interactive.approvals,
      },
    }),
  };
}

const fieldKeys: Record<OutputFieldName, OutputFieldKey> = { text: 'text', session_id: 'sessionId', cost_usd: 'costUsd', turns: 'turns', tool_uses: 'toolUses', is_error: 'isError' };
const defaultReduce: Record<OutputFieldKey, Reduce> = { text: 'last', sessionId: 'last', costUsd: 'last', turns: 'last', toolUses: 'count', isError: 'last' };

function toOutputSpec(output: ResolvedCliOutput): OutputSpec {
  if (output.format === 'text') return { format: 'text' };
  const fields: Partial<Record<OutputFieldKey, FieldSpec>> = {};
  for (const [stanzaKey, key] of Object.entries(fieldKeys) as [OutputFieldName, OutputFieldKey][]) {
    const value = output[stanzaKey];
    if (value !== undefined) fields[key] = toFieldSpec(value, defaultReduce[key]);
  }
  return { format: 'jsonl', fields };
}

function toFieldSpec(value: OutputFieldStanza, reduce: Reduce): FieldSpec {
  if (typeof value === 'string') return { path: value, reduce };
  return { path: value.path, ...(value.when !== undefined && { when: value.when }), reduce: value.reduce ?? reduce };
}
