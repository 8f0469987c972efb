import { z } from 'zod';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { unknownPlaceholders, usesPlaceholder } from './arg-template.js';
import { Placeholders, Reduces, type CliProfile, type FieldSpec, type OutputFieldKey, type OutputSpec, type Reduce } from './profile.js';

const fieldSchema = z.union([
  z.string().min(1),
  z.strictObject({
    path: z.string().min(1),
    when: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    reduce: z.enum(Reduces).optional(),
  }),
], { error: `must be a field path, or { path, when, reduce } with reduce one of ${Reduces.join(', ')}` });

const outputObjectSchema = z.discriminatedUnion('format', [
  z.strictObject({ format: z.literal('text') }),
  z.strictObject({
    format: z.literal('jsonl'),
    text: fieldSchema.optional(),
    session_id: fieldSchema.optional(),
    cost_usd: fieldSchema.optional(),
    turns: fieldSchema.optional(),
    tool_uses: fieldSchema.optional(),
    is_error: fieldSchema.optional(),
  }),
]);

// `output: jsonl` alone is the same as `output: { format: jsonl }` with no fields.
const outputSchema = z.union([z.enum(['text', 'jsonl']).transform((format) => ({ format })), outputObjectSchema], {
  error: 'must be text, jsonl, or { format: text | jsonl, text, session_id, cost_usd, turns, tool_uses, is_error }',
});

/** The `cli_agents.<name>` stanza of orchestra.yaml, as written (snake_case keys). */
export const cliProfileStanzaSchema = z.strictObject({
  command: z.string().min(1),
  args: z.array(z.union([z.string(), z.array(z.string()).min(1)])).default([]),
  prompt_via: z.enum(['argument', 'arg', 'stdin']).default('argument'),
  output: outputSchema.default({ format: 'text' }),
  env: z.record(z.string(), z.string()).default({}),
  models: z.record(z.string(), z.string()).default({}),
  npm_package: z.string().min(1).optional(),
  install_hint: z.string().min(1).optional(),
  /** The config layer's name for install_hint. */
  install: z.string().min(1).optional(),
  version_args: z.array(z.string()).default(['--version']),
});
export type CliProfileStanza = z.input<typeof cliProfileStanzaSchema>;

const defaultReduce: Record<OutputFieldKey, Reduce> = { text: 'last', sessionId: 'last', costUsd: 'last', turns: 'last', toolUses: 'count', isError: 'last' };

/**
 * A profile from its config stanza. Errors name the key path (`cli_agents.aider.output.format`)
 * and what is allowed, so that a new CLI is a config change with clear feedback.
 */
export function parseCliProfile(name: string, stanza: unknown, keyPath = `cli_agents.${name}`): CliProfile {
  const result = cliProfileStanzaSchema.safeParse(stanza);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = [keyPath, ...(issue?.path ?? []).map(String)].join('.');
    throw new OrchestraError(ErrorCode.CONFIG, `${where}: ${issue?.message ?? 'invalid value'}.`, {
      hint: 'A CLI profile needs `command`; see docs/cli-agents.md for args, prompt_via, output, env, models, npm_package and version_args.',
    });
  }
  const stanzaValue = result.data;
  const profile: CliProfile = {
    name,
    command: stanzaValue.command,
    args: stanzaValue.args,
    promptVia: stanzaValue.prompt_via === 'stdin' ? 'stdin' : 'argument',
    output: toOutputSpec(stanzaValue.output),
    env: stanzaValue.env,
    models: stanzaValue.models,
    npmPackage: stanzaValue.npm_package,
    installHint: stanzaValue.install_hint ?? stanzaValue.install,
    versionArgs: stanzaValue.version_args,
  };
  checkTemplate(profile, keyPath);
  return profile;
}

function checkTemplate(profile: CliProfile, keyPath: string): void {
  const unknown = unknownPlaceholders(profile.args);
  if (unknown.length > 0) {
    throw new OrchestraError(ErrorCode.CONFIG, `${keyPath}.args: unknown placeholder {${unknown[0]}}.`, {
      hint: `Use one of ${Placeholders.map((name) => `{${name}}`).join(', ')}.`,
    });
  }
  const usesPrompt = usesPlaceholder(profile.args, 'prompt');
  if (profile.promptVia === 'argument' && !usesPrompt) {
    throw new OrchestraError(ErrorCode.CONFIG, `${keyPath}.args: prompt_via is "argument" but no argument contains {prompt}.`, {
      hint: 'Add "{prompt}" where the CLI expects the prompt, or set prompt_via: stdin.',
    });
  }
  if (profile.promptVia === 'stdin' && usesPrompt) {
    throw new OrchestraError(ErrorCode.CONFIG, `${keyPath}.args: prompt_via is "stdin" but an argument contains {prompt}.`, {
      hint: 'Remove {prompt} from args, or set prompt_via: argument.',
    });
  }
}

type StanzaField = z.output<typeof fieldSchema>;
type StanzaFields = Partial<Record<'text' | 'session_id' | 'cost_usd' | 'turns' | 'tool_uses' | 'is_error', StanzaField>>;

function toOutputSpec(output: { format: 'text' | 'jsonl' } & StanzaFields): OutputSpec {
  if (output.format === 'text') return { format: 'text' };
  const field = (key: OutputFieldKey, value: StanzaField | undefined): FieldSpec | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === 'string') return { path: value, reduce: defaultReduce[key] };
    return { path: value.path, ...(value.when === undefined ? {} : { when: value.when }), reduce: value.reduce ?? defaultReduce[key] };
  };
  const fields = {
    text: field('text', output.text),
    sessionId: field('sessionId', output.session_id),
    costUsd: field('costUsd', output.cost_usd),
    turns: field('turns', output.turns),
    toolUses: field('toolUses', output.tool_uses),
    isError: field('isError', output.is_error),
  };
  return { format: 'jsonl', fields: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) };
}
