import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import type { WorkflowInstance } from '../../store/workflow-types.js';
import { requireWorkflow } from '../../workflows/loader/index.js';
import { cancelWorkflow, startWorkflow } from '../../workflows/runtime/index.js';
import { parseInput } from '../human-tasks/parse-input.js';
import { loadRegistry, runtimeDeps, workflowDocs, type WorkflowServiceContext } from './context.js';
import { requireInstance } from './require-instance.js';
import { forkInput } from './schemas.js';

export interface ForkedWorkflow {
  /** The new instance, running on the current code. */
  instance: WorkflowInstance;
  /** The instance it was forked from (left as it was). */
  source: WorkflowInstance;
  /** How many journal entries were copied: positions 0 to copied - 1. */
  copied: number;
}

/** Long enough to copy a large journal; a fork that dies meanwhile lets it lapse. */
const copyLeaseMs = 10 * 60_000;

/**
 * `workflow fork ID --from-step N`, the workflow's `replay`: a new instance of the same workflow and
 * input whose journal starts with the source's first N entries, pinned to the version of the code
 * in the project now. Replayed by a worker, it answers those calls from the copied journal and runs
 * the code from position N on. The source is not changed. The new instance is created leased to
 * this call, so no worker runs it before its journal is complete; a copy that fails cancels it.
 */
export async function forkWorkflowInstance(ctx: WorkflowServiceContext, input: { id: string; fromStep: number }): Promise<ForkedWorkflow> {
  const { id, fromStep } = parseInput(forkInput, input, 'fork a workflow instance', workflowDocs);
  const source = await requireInstance(ctx, id);
  const journal = await ctx.store.readJournal(ctx.scope, id);
  if (fromStep > journal.length) {
    throw new OrchestraError(ErrorCode.USAGE, `cannot fork workflow instance "${id}" from step ${fromStep}: its journal has ${plural(journal.length, 'entry', 'entries')}`, {
      hint: journal.length === 0
        ? 'Its journal is empty: only --from-step 0 (a fresh start of the same input on the current code) is possible.'
        : `Pass --from-step 0 to ${journal.length} (the positions listed by \`orchestra workflow show ${id}\`; ${journal.length} copies the whole journal).`,
    });
  }
  const projectDir = resolve(source.projectDir ?? ctx.projectDir);
  const loaded = requireWorkflow(await loadRegistry(ctx, projectDir), source.name);
  const owner = `fork-${randomUUID()}`;
  const deps = runtimeDeps(ctx, owner);
  const { instance } = await startWorkflow(deps, loaded.definition, source.input, {
    version: loaded.versionHash,
    projectDir,
    lease: { owner, expiresAt: ctx.clock.now() + copyLeaseMs },
  });
  try {
    for (const { position, kind, name, result, error, at } of journal.slice(0, fromStep)) {
      await ctx.store.appendJournal(ctx.scope, instance.id, { position, kind, name, ...(result !== undefined && { result }), ...(error !== undefined && { error }), at });
    }
  } catch (error) {
    // A fork with part of its journal would run steps the user asked to keep: it never runs.
    await cancelWorkflow(deps, instance.id).catch(() => undefined);
    throw error;
  } finally {
    await ctx.store.releaseWorkflowLease(ctx.scope, instance.id, owner);
  }
  return { instance: (await ctx.store.getWorkflow(ctx.scope, instance.id)) ?? instance, source, copied: fromStep };
}
