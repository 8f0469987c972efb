import { z } from 'zod';
import { cliAgentsSchema } from './cli-profile-extension.js';
import { httpSchema } from './http-schema.js';
import { notificationsSchema } from './notifications-schema.js';
import { Backends, ConflictPolicies, ProviderTypes, PushPolicies, ShellSandboxes, Tiers } from './config-types.js';
import { peopleSchema } from './people-schema.js';
import { envName, envPattern, text } from './schema-parts.js';

/**
 * The schema of `orchestra.yaml` as written (snake_case). Every object is strict: an unknown key is
 * an error, reported with the keys allowed at that place. resolve-config.ts turns the parsed value
 * into a ResolvedConfig.
 */

const httpUrl = text.refine((value) => /^https?:\/\/[^\s/]+/.test(value), 'must be an http:// or https:// URL');

const tierModels = z.strictObject(Object.fromEntries(Tiers.map((tier) => [tier, text.optional()])) as Record<(typeof Tiers)[number], z.ZodOptional<typeof text>>);

export const providerSchema = z.strictObject({
  type: z.enum(ProviderTypes).optional(),
  models: tierModels.optional(),
  base_url: httpUrl.optional(),
  api_key_env: envName.optional(),
});

export const agentSchema = z.strictObject({
  role: text.optional(),
  persona: text.optional(),
  personality: text.optional(),
  task: text.optional(),
  model: text.optional(),
  provider: text.optional(),
  backend: z.enum(Backends).optional(),
  cli: text.optional(),
});

/** The `agent` section: settings of the `agent` backend's tools. */
export const agentBackendSchema = z.strictObject({
  pass_env: z.array(envPattern).optional(),
  shell_sandbox: z.enum(ShellSandboxes).optional(),
});

export const repoSchema = z.strictObject({
  path: text,
  branch_prefix: z.string().optional(),
  push: z.enum(PushPolicies).optional(),
  remote: text.optional(),
  base: text.optional(),
  primary: z.boolean().optional(),
});

export const configSchema = z.strictObject({
  backend: z.enum(Backends).optional(),
  providers: z.object({ default: text.optional() }).catchall(providerSchema).optional(),
  agents: z.record(z.string(), agentSchema).optional(),
  agent: agentBackendSchema.optional(),
  workspace: z.strictObject({ repos: z.record(z.string(), repoSchema).optional(), on_conflict: z.enum(ConflictPolicies).optional() }).optional(),
  /** A built-in's name extends it; any other name is a whole profile (cli-profile-extension.ts). */
  cli_agents: cliAgentsSchema.optional(),
  /** Channels and routing rules for human-task notices (issue 10, notifications-schema.ts). */
  notifications: notificationsSchema.optional(),
  /** Users, groups and admins for human tasks (people-schema.ts). */
  people: peopleSchema.optional(),
  /** Where the daemon's HTTP API listens and its CORS origins (issue 12, http-schema.ts); read from $ORCHESTRA_HOME/config.yaml. */
  http: httpSchema.optional(),
});

export type RawConfig = z.infer<typeof configSchema>;
export type RawProvider = z.infer<typeof providerSchema>;
export type RawAgent = z.infer<typeof agentSchema>;
