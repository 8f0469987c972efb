import { open } from 'node:fs/promises';
import xterm from '@xterm/headless';
import { ExitCode } from '../../core/errors.js';
import type { TaskChange } from '../../server/tasks/service-context.js';
import type { TaskLogs } from '../../server/tasks/task-output.js';
import type { TaskView } from '../../server/tasks/task-queries.js';
import type { CommandContext } from '../command-context.js';
import { connectDaemon } from '../daemon-connection.js';

// How often the log file is checked for more output: the daemon appends to it as the agent writes.
const pollMs = 200;

/**
 * `orchestra logs TASK --follow`: the text so far, then each line as the agent's terminal finishes
 * it (the cursor moved below it), through a terminal emulator like `logs` itself, until the agent
 * ends or Ctrl-C. The log file is read directly (same user, same machine); the daemon only says
 * where it is and when the agent is gone.
 */
export async function followLogs(ctx: CommandContext, project: string, ref: string, logs: TaskLogs): Promise<number> {
  const terminal = new xterm.Terminal({ cols: logs.cols, rows: logs.rows, scrollback: 10_000, allowProposedApi: true });
  let printed = 0;
  let offset = Math.max(0, logs.size - 4 * 1024 * 1024);
  const feed = async (): Promise<void> => {
    const chunk = await readFrom(logs.file, offset);
    offset += chunk.length;
    if (chunk.length > 0) await new Promise<void>((resolve) => terminal.write(chunk, resolve));
    printed = printLines(ctx, terminal, printed, false);
  };
  const client = await connectDaemon(ctx);
  let ended = !logs.live;
  client.onNotification('task.changed', (change: TaskChange) => {
    if (change.projectRoot !== project || String(change.taskId) !== String(logs.taskId)) return;
    if (change.kind === 'removed') ended = true;
    else if (change.kind === 'status') void client.call<TaskView>('task.get', { project, ref }).then((task) => (ended ||= task.pid === undefined), () => (ended = true));
  });
  await client.call('task.subscribe', {});
  let interrupted = false;
  const stop = (): void => void (interrupted = true);
  ctx.io.signals?.on('SIGINT', stop);
  ctx.io.signals?.on('SIGTERM', stop);
  client.onClose(() => (ended = true));
  try {
    await feed();
    while (!ended && !interrupted) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      await feed();
    }
    await feed();
    printLines(ctx, terminal, printed, true);
    return ExitCode.OK;
  } finally {
    ctx.io.signals?.off('SIGINT', stop);
    ctx.io.signals?.off('SIGTERM', stop);
    client.close();
    terminal.dispose();
  }
}

/** Prints the finished lines after the first `printed` (all of them at the `end`); returns the new count. */
function printLines(ctx: CommandContext, terminal: xterm.Terminal, printed: number, end: boolean): number {
  const buffer = terminal.buffer.active;
  // A full-screen program redraws one screen: there are no finished lines until it leaves it.
  if (buffer.type === 'alternate' && !end) return printed;
  let last = end ? buffer.length : buffer.baseY + buffer.cursorY;
  if (end) while (last > printed && (buffer.getLine(last - 1)?.translateToString(true) ?? '').trim() === '') last--;
  // A line that wraps onto the next row is finished only with its last row.
  while (last < buffer.length && last > printed && buffer.getLine(last)?.isWrapped === true) last--;
  let text = '';
  for (let y = printed; y < last; y++) {
    const line = buffer.getLine(y);
    text += `${line?.isWrapped === true ? '' : y > printed ? '\n' : ''}${line?.translateToString(true).trimEnd() ?? ''}`;
  }
  if (last > printed) ctx.io.stdout.write(`${text}\n`);
  return Math.max(printed, last);
}

async function readFrom(file: string, offset: number): Promise<Buffer> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (handle === undefined) return Buffer.alloc(0);
  try {
    const { size } = await handle.stat();
    if (size <= offset) return Buffer.alloc(0);
    const buffer = Buffer.alloc(size - offset);
    await handle.read(buffer, 0, buffer.length, offset);
    return buffer;
  } finally {
    await handle.close();
  }
}
