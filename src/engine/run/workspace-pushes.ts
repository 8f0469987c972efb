import type { Logger } from '../../core/logger.js';
import type { PushReport, RunWorkspace } from '../../workspace/run-workspace/types.js';
import type { EventLog } from './event-log.js';

type PushOn = 'checkpoint' | 'completion';

/**
 * The run's pushes (issue 14), by the repos' `push` policies. A checkpoint's push runs off the
 * engine's path, one at a time, in checkpoint order; the completion push waits for them and is
 * awaited before the run's last event. A push that fails is a `workspace.push_failed` event (the
 * workspace retries it at the next push); it never fails the run.
 */
export class WorkspacePushes {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly workspace: RunWorkspace,
    private readonly events: EventLog,
    private readonly logger: Logger,
    private readonly runId: string,
  ) {}

  /** After a checkpoint committed: queued, not awaited. */
  afterCheckpoint(): void {
    this.queue = this.queue.then(() => this.push('checkpoint'));
  }

  /** Waits for the checkpoint pushes queued so far (a run that stops without completing). */
  settled(): Promise<void> {
    return this.queue;
  }

  /** The run ends (completed or failed): the queued pushes, then the completion push. */
  async completion(): Promise<void> {
    this.queue = this.queue.then(() => this.push('completion'));
    await this.queue;
  }

  private async push(on: PushOn): Promise<void> {
    try {
      const reports = await this.workspace.push(on);
      if (reports.length > 0) await this.events.emit(reports.map((report) => pushEvent(report, on)));
    } catch (error) {
      // push() reports instead of throwing; a store failure here must not stop the run either.
      this.logger.warn('could not push the workspace or record the push', { runId: this.runId, on, error: String(error) });
    }
  }
}

function pushEvent(report: PushReport, on: PushOn) {
  return report.pushed
    ? { type: 'workspace.pushed' as const, repo: report.repo, branch: report.branch, on }
    : { type: 'workspace.push_failed' as const, repo: report.repo, branch: report.branch, on, error: report.error ?? 'the push failed' };
}
