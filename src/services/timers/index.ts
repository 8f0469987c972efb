export { runDueTimers, type RunDueTimersOptions, type TimerHandler, type TimerSweep } from './run-due-timers.js';
export { runTimerSweeper, type TimerSweeperOptions } from './timer-sweeper.js';
