import { z } from 'zod';
import { cliOutputSchema } from './cli-output-schema.js';
import { argTemplate, cliProfileStanzaSchema, envRecord, InteractivePromptVias, SessionIdModes, StatusSources, type CliProfileStanza, type ResolvedCliProfileStanza } from './cli-profile-schema.js';
import { BuiltInCliProfiles } from './built-in-cli-names.js';
import { envPattern, text } from './schema-parts.js';

/**
 * `cli_agents` in orchestra.yaml. A stanza under a built-in's name (`claude-code`, …) extends that
 * profile: only the keys written change it (mergeCliStanza says how). Any other name is a whole
 * profile, validated by cliProfileStanzaSchema. Every stanza is first read with the keys of a
 * profile, all optional and without defaults, so a misspelt key is reported the same either way.
 */

const interactiveChanges = z.strictObject({
  args: argTemplate.optional(),
  resume_args: argTemplate.optional(),
  session_id: z.enum(SessionIdModes).optional(),
  status: z.enum(StatusSources).optional(),
  prompt_via: z.enum(InteractivePromptVias).optional(),
  env: envRecord.optional(),
  session_id_pattern: z.string().min(1, 'must not be empty').optional(),
  mcp: z.boolean().optional(),
  approvals: z.boolean().optional(),
});

export const cliProfileChangesObject = z.strictObject({
  command: text.optional(),
  args: argTemplate.optional(),
  prompt_via: z.enum(['argument', 'arg', 'stdin']).optional(),
  output: cliOutputSchema.optional(),
  env: envRecord.optional(),
  pass_env: z.array(envPattern).optional(),
  models: z.record(z.string(), text).optional(),
  npm_package: text.optional(),
  install_hint: text.optional(),
  install: text.optional(),
  version_args: z.array(z.string()).optional(),
  interactive: interactiveChanges.optional(),
});
/** A stanza that extends a built-in profile: only what it changes. */
export type CliProfileChanges = z.output<typeof cliProfileChangesObject>;

/** A built-in profile extended from orchestra.yaml; the agents layer merges it (it owns the built-ins). */
export interface CliProfileExtension {
  extends: string;
  changes: CliProfileChanges;
}

export type CliAgentEntry = ResolvedCliProfileStanza | CliProfileExtension;

export function isCliProfileExtension(entry: CliAgentEntry): entry is CliProfileExtension {
  return Object.hasOwn(entry, 'extends');
}

const isBuiltIn = (name: string): boolean => (BuiltInCliProfiles as readonly string[]).includes(name);

export const cliAgentsSchema = z
  .record(z.string(), cliProfileChangesObject)
  .superRefine((entries, ctx) => {
    for (const [name, stanza] of Object.entries(entries)) {
      if (isBuiltIn(name)) continue;
      const whole = cliProfileStanzaSchema.safeParse(stanza);
      // Each issue at its key inside this stanza, so the error points at the line that is wrong.
      for (const issue of whole.success ? [] : whole.error.issues) ctx.addIssue({ ...issue, path: [name, ...issue.path] } as never);
    }
  })
  .transform((entries): Record<string, CliAgentEntry> =>
    Object.fromEntries(Object.entries(entries).map(([name, stanza]) => [name, isBuiltIn(name) ? { extends: name, changes: stanza } : cliProfileStanzaSchema.parse(stanza)])),
  );

/**
 * A built-in stanza with orchestra.yaml's changes on top. Mappings of variables and models are
 * merged key by key (`env`, `models`, `interactive.env`), `pass_env` lists are joined; every other
 * key (command, args, output, version_args, each interactive key …) replaces the built-in's.
 */
export function mergeCliStanza(base: CliProfileStanza, changes: CliProfileChanges): CliProfileStanza {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) merged[key] = value;
  if (changes.env !== undefined) merged.env = { ...base.env, ...changes.env };
  if (changes.models !== undefined) merged.models = { ...base.models, ...changes.models };
  if (changes.pass_env !== undefined) merged.pass_env = [...new Set([...(base.pass_env ?? []), ...changes.pass_env])];
  if (changes.interactive !== undefined) {
    const interactive: Record<string, unknown> = { ...base.interactive };
    for (const [key, value] of Object.entries(changes.interactive)) if (value !== undefined) interactive[key] = value;
    if (changes.interactive.env !== undefined) interactive.env = { ...base.interactive?.env, ...changes.interactive.env };
    merged.interactive = interactive;
  }
  return merged as CliProfileStanza;
}
