import type { CliAgentEntry } from './cli-profile-extension.js';
import type { ResolvedNotifications } from './notifications-types.js';
import type { ResolvedPeople } from './people-types.js';

/**
 * The validated, resolved shape of `orchestra.yaml`. Keys are camelCase here (the file uses
 * snake_case); paths are absolute; every default is filled in, so readers never re-derive one.
 */

export const Backends = ['direct', 'agent', 'cli', 'simulation'] as const;
export type BackendName = (typeof Backends)[number];

export const Tiers = ['smart', 'worker', 'cheap'] as const;
export type Tier = (typeof Tiers)[number];

export const ProviderTypes = ['anthropic', 'openai', 'google', 'openai-compatible'] as const;
export type ProviderType = (typeof ProviderTypes)[number];

/** How the `agent` backend's shell tool runs: as the user, or inside bubblewrap (docs/agents.md). */
export const ShellSandboxes = ['none', 'bubblewrap'] as const;
export type ShellSandbox = (typeof ShellSandboxes)[number];

export const PushPolicies = ['on_completion', 'on_checkpoint', 'never'] as const;
export type PushPolicy = (typeof PushPolicies)[number];
/** What a fan-in does when parallel branches' changes conflict: fail naming the files, or hand them to an agent node. */
export const ConflictPolicies = ['fail', 'agent'] as const;
export type ConflictPolicy = (typeof ConflictPolicies)[number];

export { BuiltInCliProfiles } from './built-in-cli-names.js';

export interface ResolvedProvider {
  name: string;
  type: ProviderType;
  /** Tier → model id; tiers the file leaves out are filled from the type's defaults, when it has any. */
  models: Partial<Record<Tier, string>>;
  baseUrl?: string;
  /** Environment variables holding the API key, first set one wins; empty: no key needed. */
  apiKeyEnv: readonly string[];
}

export interface ResolvedAgent {
  name: string;
  /** Absolute paths of the prompt layer files, in composition order. */
  role?: string;
  persona?: string;
  personality?: string;
  task?: string;
  /** A tier or a literal model id. */
  model?: string;
  provider?: string;
  backend?: BackendName;
  /** A CLI profile name (built-in or from `cli_agents`). */
  cli?: string;
}

export interface ResolvedAgentBackend {
  /** Variables (names or `PREFIX_*`) passed to agents' commands beyond the base list. */
  passEnv: readonly string[];
  shellSandbox: ShellSandbox;
}

export interface ResolvedRepo {
  name: string;
  /** Absolute. */
  path: string;
  branchPrefix: string;
  push: PushPolicy;
  /** The remote session branches are pushed to. */
  remote: string;
  /** The branch session branches start from; absent: the repository's current HEAD. */
  base?: string;
  /** Agent nodes work in the primary repo (at most one is; without one, the first). */
  primary: boolean;
}

/** The `http:` section: absent keys are left to the environment and the defaults (src/server/http/http-settings.ts). */
export interface ResolvedHttp {
  host?: string;
  port?: number;
  /** Origins (`https://app.example.com`) allowed to call the API from a browser; empty: none. */
  corsOrigins: readonly string[];
}

export interface ResolvedConfig {
  backend: BackendName;
  /** Whether `backend` was written in the file or chosen by the default rule. */
  backendSource: 'file' | 'default';
  providers: {
    default?: string;
    /** Configured providers in file order. Read with `Object.hasOwn`: names come from user text. */
    byName: Readonly<Record<string, ResolvedProvider>>;
  };
  agents: Readonly<Record<string, ResolvedAgent>>;
  workspace: { repos: Readonly<Record<string, ResolvedRepo>>; onConflict: ConflictPolicy };
  /** The `agent` section: what the `agent` backend's tools get (docs/agents.md). */
  agent: ResolvedAgentBackend;
  /** Profile name → its validated stanza; the agents layer builds a CliProfile from each. */
  /** Whole profiles, and built-ins extended (merged by the agents layer's cliProfilesFor). */
  cliAgents: Readonly<Record<string, CliAgentEntry>>;
  /** Notification channels and routing (issue 10, docs/notifications.md). */
  notifications: ResolvedNotifications;
  /** Users, groups and admins for human tasks; `configured: false` without a `people:` section. */
  people: ResolvedPeople;
  /** The HTTP API's `http:` section (issue 12); only the daemon's file, $ORCHESTRA_HOME/config.yaml, is read for it. */
  http: ResolvedHttp;
  /** The directory of the config file, when there is one. */
  dir?: string;
}

/** Looks up a user-named entry without reaching inherited properties such as `constructor`. */
export function entryOf<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
