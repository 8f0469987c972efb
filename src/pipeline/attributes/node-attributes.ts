import { BOOLEAN, DURATION, enumOf, FIDELITY, COUNT, POSITIVE, REASONING_EFFORT, STRING, type AttributeSpec } from './attribute-spec.js';

const node = ['node'] as const;
const graphAndNode = ['graph', 'node'] as const;

/** Attributes every node may have, whatever its handler (spec §2.6, plus Orchestra's). */
export const NODE_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'label', appliesTo: node, type: STRING, defaultText: 'the node id', handlers: 'all', description: 'Display name. The prompt of an LLM stage without `prompt`; the question of a human gate.' },
  { name: 'shape', appliesTo: node, type: STRING, default: 'box', handlers: 'all', description: 'Selects the handler (see "Shapes and handlers"); other Graphviz shapes run as `codergen`.' },
  { name: 'type', appliesTo: node, type: STRING, default: '', handlers: 'all', description: 'Handler type, overriding the shape: a built-in type or one registered at run time.' },
  { name: 'prompt', appliesTo: node, type: STRING, default: '', handlers: ['codergen', 'parallel.fan_in', 'stack.manager_loop', 'tool'], description: 'Instruction for the stage; variables are expanded. A fan-in with a prompt asks the LLM to pick the best branch; a manager loop steers its child with it; a tool command reads it from `$ATTRACTOR_PROMPT_FILE`.' },
  { name: 'class', appliesTo: node, type: STRING, default: '', handlers: 'all', description: 'Comma-separated classes for `.class` stylesheet rules (`class="code,critical"`).' },
  { name: 'max_retries', appliesTo: node, type: COUNT, defaultText: 'graph `default_max_retries`', handlers: 'all', description: 'Extra attempts after the first: total attempts = `max_retries` + 1. Set on the node, it retries FAIL outcomes too (spec §11.5; `retry_on_fail=false` turns that off). Beats the attempts of `retry_policy`.' },
  { name: 'retry_on_fail', appliesTo: node, type: BOOLEAN, defaultText: 'graph `default_retry_on_fail` (false)', handlers: 'all', description: 'Retry FAIL outcomes and errors that are not transient, not only RETRY outcomes and transient errors (decision 1). Default: true for FAIL outcomes when the node sets `max_retries`.' },
  {
    name: 'retry_policy',
    appliesTo: node,
    type: enumOf('none', 'standard', 'aggressive', 'linear', 'patient'),
    handlers: 'all',
    description: 'Backoff preset: sets the attempts (unless `max_retries` is set) and the delays between them (see "Retries").',
  },
  { name: 'max_visits', appliesTo: node, type: POSITIVE, handlers: 'all', description: 'Most times the node may run (since the start or the last loop restart); reaching it once more fails the run (or the parallel branch) with "exceeded max_visits". Unset: no cap but the graph `max_steps`.' },
  { name: 'allow_partial', appliesTo: node, type: BOOLEAN, default: false, handlers: 'all', description: 'When RETRY runs out of attempts, accept PARTIAL_SUCCESS instead of failing.' },
  { name: 'goal_gate', appliesTo: node, type: BOOLEAN, default: false, handlers: 'all', description: 'The pipeline may only exit once this node has finished with SUCCESS or PARTIAL_SUCCESS.' },
  { name: 'retry_target', appliesTo: node, type: STRING, default: '', handlers: 'all', description: 'Node to jump to when this node fails or its goal gate is unsatisfied.' },
  { name: 'fallback_retry_target', appliesTo: node, type: STRING, default: '', handlers: 'all', description: 'Second choice after `retry_target`.' },
  { name: 'timeout', appliesTo: node, type: DURATION, handlers: 'all', description: 'Longest the node may run; then it fails with "timed out after ..." (decision 19). Unset: no limit.' },
  { name: 'auto_status', appliesTo: node, type: BOOLEAN, default: false, handlers: 'all', description: 'When the handler reports no outcome, count it as SUCCESS instead of failing (decision 18).' },
  { name: 'fidelity', appliesTo: node, type: FIDELITY, defaultText: 'graph `default_fidelity`', handlers: ['codergen'], description: 'How much of the run the LLM session sees (see "Fidelity and threads").' },
  { name: 'thread_id', appliesTo: node, type: STRING, defaultText: 'derived', handlers: ['codergen'], description: 'Session key under `full` fidelity: nodes with the same thread share one conversation.' },
  { name: 'llm_model', appliesTo: graphAndNode, type: STRING, handlers: ['codergen'], description: 'Model id, such as `gpt-5.2` or `claude-opus-4-6`. The node\'s own wins over the stylesheet, which wins over the graph\'s.' },
  { name: 'llm_provider', appliesTo: graphAndNode, type: STRING, defaultText: 'from the model', handlers: ['codergen'], description: 'Provider key (`openai`, `anthropic`, `gemini`, ...).' },
  { name: 'reasoning_effort', appliesTo: graphAndNode, type: REASONING_EFFORT, default: 'high', handlers: ['codergen'], description: 'How hard the model thinks.' },
  { name: 'agent', appliesTo: node, type: STRING, handlers: ['codergen'], description: 'An agent from `orchestra.yaml`: its role, persona, personality and task layers compose the prompt, and its model, provider and backend apply (see docs/configuration.md).' },
  { name: 'backend', appliesTo: graphAndNode, type: enumOf('direct', 'agent', 'cli', 'simulation'), defaultText: '`backend` in orchestra.yaml', handlers: ['codergen'], description: 'What runs the stage: one model call (`direct`), Orchestra\'s tool loop (`agent`), a coding-agent CLI (`cli`), or the simulation.' },
  { name: 'cli', appliesTo: graphAndNode, type: STRING, defaultText: 'the agent\'s `cli`, else `claude-code`', handlers: ['codergen'], description: 'With `backend=cli`: the CLI profile (`claude-code`, `opencode`, `codex`, `gemini`, or one from `cli_agents` in orchestra.yaml).' },
  { name: 'max_turns', appliesTo: graphAndNode, type: POSITIVE, default: 20, handlers: ['codergen'], description: 'With `backend=agent`: the most model turns the tool loop takes before it stops. On an `interactive=true` node: the most model answers in its conversation (default 10; read from the node only), after which the chat ends without asking again.' },
  { name: 'pass_env', appliesTo: graphAndNode, type: STRING, default: '', handlers: ['codergen'], description: 'With `backend=agent` or `cli`: more variables of the caller\'s environment the agent\'s commands get, comma-separated names or `PREFIX_*` (see docs/agents.md "What an agent\'s commands can reach").' },
  { name: 'tool_hooks.pre', appliesTo: graphAndNode, type: STRING, default: '', handlers: ['codergen'], description: 'Shell command run before each tool call of the agent; non-zero exit skips the call (decision 21).' },
  { name: 'tool_hooks.post', appliesTo: graphAndNode, type: STRING, default: '', handlers: ['codergen'], description: 'Shell command run after each tool call of the agent; failures are only logged.' },
];
