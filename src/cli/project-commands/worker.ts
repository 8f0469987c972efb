import { watch, type FSWatcher } from 'node:fs';
import { join, relative } from 'node:path';
import { findProjectDir } from '../../config/project-dir.js';
import { ExitCode } from '../../core/errors.js';
import { plural } from '../../core/plural.js';
import { systemScopeFor } from '../../services/auth/index.js';
import { startProjectWorker, type ProjectWorker } from '../../services/workflows/worker/index.js';
import { watchStoreChanges } from '../../store/sqlite/index.js';
import type { Store } from '../../store/store.js';
import type { WorkflowInstance } from '../../store/workflow-types.js';
import type { WorkflowRegistry } from '../../workflows/loader/index.js';
import type { RunOutcome } from '../../workflows/runtime/index.js';
import type { CommandContext } from '../command-context.js';
import { createInterrupts } from '../interrupt.js';
import { formatExpectedError } from '../output/print-error.js';
import { openCliStore } from '../store-location.js';
import { journalLine, outcomeLine } from './worker-log.js';

export interface WorkerOptions {
  concurrency?: string;
  leaseMs?: string;
  graceMs?: string;
}

/**
 * `orchestra worker` (and, with `dev`, `orchestra dev`): runs the workflows of the current project in
 * the foreground until Ctrl-C: claims its instances from the store, replays them, fires their timers
 * and SLAs. `dev` also reloads workflow files when they change (new instances start on the new code;
 * running ones keep theirs) and logs each journaled call.
 */
export async function workerCommand(ctx: CommandContext, options: WorkerOptions, mode: 'worker' | 'dev'): Promise<number> {
  const { io } = ctx;
  const projectDir = findProjectDir(io.cwd) ?? io.cwd;
  const concurrency = positive(options.concurrency);
  const leaseTtlMs = positive(options.leaseMs);
  const graceMs = positive(options.graceMs);
  if (concurrency === null || leaseTtlMs === null || graceMs === null) {
    io.stderr.write(`orchestra: --concurrency and --lease-ms take a positive whole number\n`);
    return ExitCode.USAGE;
  }
  const { store, location } = await openCliStore(io.env);
  const changes = watchStoreChanges(location.dbPath);
  const say = (line: string) => void io.stdout.write(`${line}\n`);
  const log = {
    info: (message: string, fields?: Record<string, unknown>) => say(`${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
    warn: (message: string, fields?: Record<string, unknown>) => void io.stderr.write(`orchestra: warning: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`),
    error: (message: string, fields?: Record<string, unknown>) => void io.stderr.write(`orchestra: error: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`),
  };
  const interrupts = createInterrupts(io, `${mode} stopping: letting the replays under way reach their next wait`);
  let worker: ProjectWorker | undefined;
  let watcher: FSWatcher | undefined;
  try {
    const onRun = runLog(store, mode, say);
    // The workflows' `import … from 'orchestra'` is this very module: one copy of the SDK and the runtime.
    const orchestraModule = (await import('../../index.js')) as Record<string, unknown>;
    const stageRoot = join(location.home, 'workflow-agents');
    worker = await startProjectWorker({ store, env: io.env, projectDir, changes, log, onRun, orchestraModule, stageRoot, runsDir: location.runsDir, ...(concurrency !== undefined && { concurrency }), ...(leaseTtlMs !== undefined && { leaseTtlMs }), ...(graceMs !== undefined && { graceMs }) });
    printProblems(ctx, worker.registry);
    say(`orchestra ${mode}: ${relative(io.cwd, projectDir) || '.'}: ${plural(worker.registry.definitions.size, 'workflow')} (${[...worker.registry.definitions.keys()].sort().join(', ')}); store ${location.dbPath}; pid ${process.pid}. Ctrl-C stops.`);
    if (mode === 'dev') watcher = watchWorkflowFiles(ctx, projectDir, worker, say);
    const running = worker;
    await Promise.race([running.done, new Promise<void>((resolve) => interrupts.signal.addEventListener('abort', () => resolve(), { once: true }))]);
    await running.stop();
    say(`orchestra ${mode}: stopped`);
    return ExitCode.OK;
  } finally {
    watcher?.close();
    interrupts.dispose();
    changes.close();
    await store.close();
  }
}

/** undefined when absent, null when not a positive whole number. */
function positive(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** One line per replay's end; in dev also one per journal entry written since the last line. */
function runLog(store: Store, mode: 'worker' | 'dev', say: (line: string) => void) {
  const printed = new Map<string, number>();
  return async (instance: WorkflowInstance, outcome: RunOutcome): Promise<void> => {
    if (mode === 'dev' && outcome.status !== 'locked' && outcome.status !== 'superseded') {
      const from = printed.get(instance.id) ?? 0;
      const entries = await store.readJournal(systemScopeFor(instance.tenant), instance.id, from);
      for (const entry of entries) say(journalLine(instance, entry));
      printed.set(instance.id, from + entries.length);
    }
    const line = outcomeLine(instance, outcome, Date.now());
    if (line) say(line);
  };
}

function printProblems(ctx: CommandContext, registry: WorkflowRegistry): void {
  for (const problem of registry.problems) ctx.io.stderr.write(formatExpectedError(problem, ctx.io.cwd, ctx.err));
}

/** Reloads the project's workflows when a file under workflows/ changes (debounced), and says what changed. */
function watchWorkflowFiles(ctx: CommandContext, projectDir: string, worker: ProjectWorker, say: (line: string) => void): FSWatcher | undefined {
  let versions = new Map([...worker.registry.definitions].map(([name, loaded]) => [name, loaded.versionHash]));
  let timer: NodeJS.Timeout | undefined;
  const reload = async () => {
    const registry = await worker.versions.reload(projectDir);
    printProblems(ctx, registry);
    const now = new Map([...registry.definitions].map(([name, loaded]) => [name, loaded.versionHash]));
    for (const [name, hash] of now) if (versions.get(name) !== hash) say(`reloaded ${name}: version ${hash} (new instances run it; running ones keep theirs)`);
    versions = now;
  };
  try {
    return watch(join(projectDir, 'workflows'), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reload().catch((error: Error) => ctx.io.stderr.write(`orchestra: warning: reloading workflows failed: ${error.message}\n`)), 100);
    });
  } catch {
    say('no workflows/ folder to watch: create one (orchestra init) and restart dev');
    return undefined;
  }
}
