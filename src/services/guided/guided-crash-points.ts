/** The points of a step's task start where a test may kill the daemon (step-task.ts lists them all). */
export type GuidedCrashPoint = 'before-task-create' | 'after-task-create' | 'after-task-start';

/**
 * Tests only: ORCHESTRA_TEST_GUIDED_CRASH=<point> in the daemon's environment makes it kill itself
 * with SIGKILL (no cleanup, no finally) when a guided step's task reaches <point>, like
 * ORCHESTRA_TEST_KILL_AFTER_SPAWN for an agent's spawn: the gaps a crash could hide a second task in.
 */
export function crashPointForTests(env: Readonly<Record<string, string | undefined>>, point: GuidedCrashPoint): void {
  if (env.ORCHESTRA_TEST_GUIDED_CRASH === point) process.kill(process.pid, 'SIGKILL');
}
