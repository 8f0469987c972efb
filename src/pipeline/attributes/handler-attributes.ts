import { BOOLEAN, DURATION, enumOf, POSITIVE, STRING, type AttributeSpec } from './attribute-spec.js';

const node = ['node'] as const;

/**
 * Attributes one handler type reads (spec §4). Decision 29: they are known on every node, so a
 * custom handler may reuse them without a warning.
 */
export const HANDLER_ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'tool_command', appliesTo: node, type: STRING, handlers: ['tool'], description: 'Shell command, run with `/bin/sh -c` exactly as written (decision 7). Required on tool nodes.' },
  { name: 'human.default_choice', appliesTo: node, type: STRING, handlers: ['wait.human'], description: 'The choice taken when the question times out, matched like an answer (decision 5).' },
  { name: 'human.timeout', appliesTo: node, type: DURATION, handlers: ['wait.human'], description: 'How long the question waits for an answer. Unset: forever.' },
  { name: 'human.form', appliesTo: node, type: STRING, handlers: ['wait.human'], description: "Extra fields of the gate's human task, a YAML mapping such as `{ comment: { type: textarea } }`; answers land in the context as `human.<field>` (docs/human-tasks.md)." },
  { name: 'human.assignee', appliesTo: node, type: STRING, handlers: ['wait.human'], description: 'Who answers the gate\'s human task (or an `interactive=true` node\'s chat tasks): `user:ID` or `group:ID` of `people:` in orchestra.yaml. Unset: anyone.' },
  { name: 'human.sla', appliesTo: node, type: DURATION, handlers: ['wait.human'], description: 'The human task is due this long after the gate asks (`30m`, `2h`).' },
  { name: 'human.escalation', appliesTo: node, type: STRING, handlers: ['wait.human'], description: "What happens when nobody answers: a YAML list of steps such as `[{ after: 30m, reassign: 'group:leads' }, { after: 1h, answer: { choice: approve } }]` (docs/human-tasks.md)." },
  { name: 'join_policy', appliesTo: node, type: enumOf('wait_all', 'first_success'), default: 'wait_all', handlers: ['parallel'], description: '`wait_all`: run every branch; `first_success`: stop the others once one succeeds.' },
  { name: 'max_parallel', appliesTo: node, type: POSITIVE, default: 4, handlers: ['parallel'], description: 'How many branches run at once.' },
  { name: 'manager.poll_interval', appliesTo: node, type: DURATION, default: '45s', handlers: ['stack.manager_loop'], description: 'Wait between observation cycles.' },
  { name: 'manager.max_cycles', appliesTo: node, type: POSITIVE, default: 1000, handlers: ['stack.manager_loop'], description: 'Cycles before the manager gives up and fails.' },
  { name: 'manager.stop_condition', appliesTo: node, type: STRING, default: '', handlers: ['stack.manager_loop'], description: 'Condition that ends the loop with SUCCESS when it holds.' },
  { name: 'manager.actions', appliesTo: node, type: STRING, default: 'observe,wait', handlers: ['stack.manager_loop'], description: 'Comma-separated actions per cycle: `observe`, `steer`, `wait`.' },
  { name: 'stack.child_autostart', appliesTo: node, type: BOOLEAN, default: true, handlers: ['stack.manager_loop'], description: 'Start the child pipeline when the manager starts.' },
  { name: 'interactive', appliesTo: node, type: BOOLEAN, default: false, handlers: ['codergen'], description: 'A conversation with a person: the model answers, the person replies (at the terminal, or through a chat human task), until they end it with `/done` or a choice (the labeled outgoing edges) or `max_turns` (see "Interactive nodes").' },
  { name: 'context.from', appliesTo: node, type: STRING, handlers: ['codergen', 'parallel.fan_in'], description: 'Comma-separated ids of upstream nodes whose latest outputs (`response.md`, else `tool_output.txt`) go into the prompt, each under its node id, within the output budget (see "Upstream outputs").' },
  { name: 'check.file_exists', appliesTo: node, type: STRING, handlers: ['codergen'], description: 'Check after the agent: each comma-separated glob (`dist/*.js`, `**/*.md`) must match a file, relative to the working directory (see "Checks").' },
  { name: 'check.command', appliesTo: node, type: STRING, handlers: ['codergen'], description: 'Check after the agent: a shell command, run like `tool_command`, that must exit 0.' },
  { name: 'check.tests', appliesTo: node, type: STRING, handlers: ['codergen'], description: 'Check after the agent: a test command (vitest, jest, pytest, go test); fails when it fails or reports a failed test.' },
  { name: 'check.critic', appliesTo: node, type: STRING, handlers: ['codergen'], description: 'Check after the agent: a question for a model critic, which must answer PASS or FAIL with reasons.' },
  { name: 'check.critic_model', appliesTo: node, type: STRING, default: 'smart', handlers: ['codergen'], description: 'Model tier (`smart`, `worker`, `cheap`) or model the critic uses.' },
  { name: 'check.timeout', appliesTo: node, type: DURATION, default: '10m', handlers: ['codergen'], description: 'Longest a check command or test run may take.' },
  { name: 'context.files', appliesTo: node, type: STRING, handlers: ['codergen'], description: 'Comma-separated globs relative to the working directory (`src/**/*.ts, README.md`): the files\' contents go into the prompt with their paths, within the context budget (see "Node context").' },
  { name: 'context.urls', appliesTo: node, type: STRING, handlers: ['codergen'], description: 'Comma-separated http(s) URLs, fetched once per run with a size and time limit; their text goes into the prompt (see "Node context").' },
  { name: 'pipeline', appliesTo: node, type: STRING, handlers: ['pipeline'], description: 'The DOT file a `type="pipeline"` node runs as a child run, relative to this file (see "Composed pipelines").' },
  { name: 'pipeline.inputs', appliesTo: node, type: STRING, defaultText: 'all run variables', handlers: ['pipeline'], description: 'What the child starts with: `a,b=c` gives it `a` from the context key `a` and `b` from `c` (as run variables and context keys).' },
  { name: 'pipeline.outputs', appliesTo: node, type: STRING, default: 'last_response', handlers: ['pipeline'], description: "What comes back: `x,y=z` sets the context's `x` from the child's final `x` and `y` from its `z`." },
  { name: 'workflow', appliesTo: node, type: STRING, handlers: ['workflow'], description: 'The code-first workflow a `type="workflow"` node starts (its name, as `orchestra workflow start NAME` takes it); the node waits until it finishes.' },
  { name: 'input', appliesTo: node, type: STRING, handlers: ['workflow'], description: 'The input of the workflow a `type="workflow"` node starts, as JSON in a DOT string (`input="{\\"orderId\\": \\"o-1\\"}"`).' },
  { name: 'sim.outcome', appliesTo: node, type: enumOf('success', 'partial_success', 'retry', 'fail', 'skipped'), handlers: ['codergen'], description: 'Under `--simulate`: every call of this node returns this status.' },
  { name: 'sim.outcomes', appliesTo: node, type: STRING, handlers: ['codergen'], description: 'Under `--simulate`: comma-separated statuses, the n-th call (retries and revisits alike) gets the n-th; calls past the end repeat the last. Wins over `sim.outcome`.' },
  { name: 'sim.preferred_label', appliesTo: node, type: STRING, handlers: ['codergen'], description: 'Under `--simulate`: the outcome\'s preferred label, to steer edge selection.' },
  { name: 'sim.files', appliesTo: node, type: STRING, handlers: ['codergen'], description: 'Under `--simulate`: comma-separated paths relative to the working directory (a run\'s worktree with a workspace) that each call writes, so a simulated run makes real changes and commits; never through links, never into `.git`.' },
  { name: 'sim.delay', appliesTo: node, type: DURATION, handlers: ['codergen'], description: 'Under `--simulate`: how long each call takes (a plain number means seconds); still cancellable.' },
];
