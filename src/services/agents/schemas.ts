import { z } from 'zod';

/* The output of agents.list (issue 15): a project's agent library, for the dashboard's Agents page and any program. */

export const profileView = z.object({
  name: z.string().describe('What a node\'s `cli` attribute, an agent\'s `cli:` or a task\'s --agent names.'),
  command: z.string().describe('The executable: a name looked up on PATH, or a path.'),
  source: z.enum(['built-in', 'extended', 'config']).describe('built-in: shipped with Orchestra; extended: a built-in changed by a cli_agents stanza; config: defined by cli_agents.'),
  model: z.string().nullable().describe('The model of the `worker` tier (what a node naming no model gets through the tier), or null: the CLI\'s own default.'),
  tiers: z.record(z.string(), z.string()).describe('Model for each tier (`smart`, `worker`, `cheap`).'),
  envNames: z.array(z.string()).describe('Names of the variables the profile sets (their values are never returned).'),
  passEnv: z.array(z.string()).describe('The caller\'s variables (names or PREFIX_*) the CLI is given.'),
  interactive: z.boolean().describe('Whether tasks can run its own TUI (an `interactive` section).'),
  install: z.string().nullable().describe('How to install the CLI, when known.'),
});
export type ProfileView = z.output<typeof profileView>;

export const promptLayerView = z.object({
  agent: z.string().describe('The agent (orchestra.yaml `agents:`) the layer belongs to.'),
  kind: z.enum(['role', 'persona', 'personality', 'task']),
  file: z.string().describe('The layer file, relative to the project (`/` separators).'),
  preview: z.array(z.string()).describe('Its first lines (at most 6), or empty when it is outside the project or unreadable.'),
});
export type PromptLayerView = z.output<typeof promptLayerView>;

export const agentView = z.object({
  name: z.string().describe('What a node\'s `agent` attribute names.'),
  backend: z.string().nullable(),
  cli: z.string().nullable(),
  model: z.string().nullable(),
  provider: z.string().nullable(),
  layers: z.array(z.enum(['role', 'persona', 'personality', 'task'])).describe('The layers it composes, in order.'),
});
export type AgentView = z.output<typeof agentView>;

export const composedPipelineView = z.object({
  file: z.string().describe('The .dot file, relative to the project: what a `type="pipeline"` node names (relative to its own file).'),
  name: z.string().describe('The graph\'s name (after `digraph`).'),
  goal: z.string().nullable(),
  inputs: z.array(z.string()).describe('The run variables its prompts use (`$name`): what `pipeline.inputs` should give it.'),
  nodes: z.number().int(),
  usedBy: z.array(z.string()).describe('Project pipelines that run it as a node (`type="pipeline"`) or supervise it (`stack.child_dotfile`).'),
  error: z.string().optional().describe('Why it could not be read, when it could not.'),
});
export type ComposedPipelineView = z.output<typeof composedPipelineView>;

export const agentLibraryOutput = z.object({
  project: z.string(),
  configFile: z.string().nullable().describe('The orchestra.yaml read, relative to the project; null: none, the built-ins alone.'),
  profiles: z.array(profileView),
  agents: z.array(agentView),
  layers: z.array(promptLayerView),
  pipelines: z.array(composedPipelineView),
});
export type AgentLibrary = z.output<typeof agentLibraryOutput>;
