/*
 * A guided workflow whose BUILD step waits for a coding-agent task run by `agent` (a profile of the
 * project's orchestra.yaml), for the e2e tests of task steps (issue 13): PLAN → BUILD → CHECK, with
 * RESCUE when the task fails or is stopped. No model needed: the rule lines decide.
 */
export const taskWorkflowFiles = (agent: string): Record<string, string> => ({
  'index.md': `---
first_step: PLAN
context:
  feature: string
---

# Ship with a task

Plan, let a coding agent build it, then check the result.

## Steps

1. PLAN — write down what to build
2. BUILD — a coding-agent task builds it
3. CHECK — look at what the task did
4. RESCUE — the task failed or was stopped: decide what to do
`,
  'steps/PLAN.md': `# Orchestrator Guidance

- on success: BUILD

# Client Instructions

Plan {{context.feature}}.
`,
  'steps/BUILD.md': `---
waits_for:
  task: { description: "Build the planned feature", agent: ${agent} }
---
# Orchestrator Guidance

- on failure: RESCUE
- on success: CHECK

# Client Instructions

Build {{context.feature}} as planned.
`,
  'steps/CHECK.md': `# Orchestrator Guidance

- on success: END

# Client Instructions

Check what the task built for {{context.feature}}.
`,
  'steps/RESCUE.md': `# Orchestrator Guidance

- on failure: BUILD
- on success: END

# Client Instructions

The build of {{context.feature}} did not finish: decide what to do.
`,
});
