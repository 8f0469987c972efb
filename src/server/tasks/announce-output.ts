import type { LiveAgent } from './live-agent.js';
import type { ServiceContext } from './service-context.js';

/** How often at most a busy agent's output is announced (an `output` change, for the watch table). */
export const outputChangeEveryMs = 1_000;

/**
 * Status and activity changes say nothing while an agent keeps working, so a table showing its last
 * line would go stale: announce output too, at most once a second, the last burst included.
 */
export function announceOutput(ctx: ServiceContext, agent: LiveAgent, slug: string): void {
  const { projectRoot, taskId, session } = agent;
  let lastAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const announce = (): void => {
    timer = undefined;
    lastAt = Date.now();
    // After the mirror caught up, so that a listing made on this change shows the new last line.
    void session.parsed().then(() => ctx.emit({ projectRoot, taskId, slug, kind: 'output' }));
  };
  const offOutput = session.onOutputArrived(() => {
    timer ??= setTimeout(announce, Math.max(0, lastAt + outputChangeEveryMs - Date.now()));
  });
  session.onExit(() => {
    offOutput();
    clearTimeout(timer);
  });
}
