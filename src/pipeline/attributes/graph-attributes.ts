import { BOOLEAN, DURATION, FIDELITY, COUNT, POSITIVE, STRING, type AttributeSpec } from './attribute-spec.js';

/** Node executions a run may make unless the graph sets `max_steps`: far past any real pipeline, short of forever. */
export const DEFAULT_MAX_STEPS = 10_000;

const graph = ['graph'] as const;

/** Attributes of the pipeline as a whole (`graph [...]` or top-level `key=value`). */
export const GRAPH_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'goal', appliesTo: graph, type: STRING, default: '', handlers: 'all', description: 'What the pipeline is for. Replaces `$goal` in prompts and is in the context as `graph.goal`.' },
  { name: 'default_timeout', appliesTo: graph, type: DURATION, defaultText: 'none (model and agent calls stop after 30m)', handlers: 'all', description: 'Time limit for every node without its own `timeout`, except human gates (decision 19).' },
  { name: 'label', appliesTo: graph, type: STRING, default: '', handlers: 'all', description: 'Display name of the pipeline.' },
  { name: 'model_stylesheet', appliesTo: graph, type: STRING, default: '', handlers: 'all', description: 'CSS-like rules that set `llm_model`, `llm_provider` and `reasoning_effort` on nodes (see "Model stylesheet").' },
  {
    name: 'default_max_retries',
    appliesTo: graph,
    type: COUNT,
    default: 0,
    handlers: 'all',
    aliases: ['default_max_retry'],
    description: 'Retries for nodes that set neither `max_retries` nor `retry_policy` (decision 15).',
  },
  {
    name: 'max_steps',
    appliesTo: graph,
    type: POSITIVE,
    default: DEFAULT_MAX_STEPS,
    handlers: 'all',
    description: 'Most node executions (every attempt, parallel branches and resumed parts included) a run may make; the next one fails the run, naming the node. Guards against loops that never end (issue 9).',
  },
  { name: 'default_retry_on_fail', appliesTo: graph, type: BOOLEAN, default: false, handlers: 'all', description: 'Default of `retry_on_fail` for every node (decision 1).' },
  { name: 'retry_target', appliesTo: graph, type: STRING, default: '', handlers: 'all', description: 'Node to jump to when the exit is reached with an unsatisfied goal gate whose node names no target.' },
  { name: 'fallback_retry_target', appliesTo: graph, type: STRING, default: '', handlers: 'all', description: 'Second choice after the graph `retry_target`.' },
  { name: 'default_fidelity', appliesTo: graph, type: FIDELITY, defaultText: 'unset (`compact` at run time)', handlers: 'all', description: 'Context fidelity for nodes and edges that set none.' },
  { name: 'default_thread_id', appliesTo: graph, type: STRING, handlers: 'all', description: 'Graph-level thread for `full` fidelity (decision 17).' },
  { name: 'working_directory', appliesTo: graph, type: STRING, default: '.', handlers: 'all', description: 'Working directory of tool commands, relative to the DOT file (decision 7).' },
  { name: 'stack.child_dotfile', appliesTo: graph, type: STRING, default: '', handlers: ['stack.manager_loop'], description: 'The child pipeline a manager loop supervises, relative to this DOT file (decision 20).' },
  { name: 'stack.child_workdir', appliesTo: graph, type: STRING, defaultText: 'the current directory', handlers: ['stack.manager_loop'], description: 'Working directory for the child run.' },
];
