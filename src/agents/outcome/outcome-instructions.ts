/**
 * Told to models whose answer becomes an Outcome (direct and agent backends; CLI profiles may
 * append it to their prompt), so they know how to route the pipeline. Mirrors outcomeFromAnswer.
 */
export const outcomeInstructions = [
  'When you finish, you may report the outcome of your work by ending your answer with a fenced json block, for example:',
  '```json',
  '{"outcome": "success", "preferred_label": "Approve", "context_updates": {"key": "value"}, "notes": "what you did"}',
  '```',
  'outcome is one of success, partial_success, retry, fail; add failure_reason when it is not success.',
  'Without such a block your answer counts as success.',
].join('\n');
