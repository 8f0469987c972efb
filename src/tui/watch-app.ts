import { Box, Text, useApp, useInput, type Key } from 'ink';
import { createElement as h, useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { describeError } from './describe-error.js';
import { Command, keyCommands } from './key-commands.js';
import { layoutColumns } from './task-table/columns.js';
import { groupRows, orderedRows, taskKey } from './task-table/group-rows.js';
import { headline } from './task-table/headline.js';
import { activityByTask, newlyWaiting } from './task-table/newly-waiting.js';
import { scrollWindow } from './task-table/scroll-window.js';
import { moveSelection, NO_SELECTION, resolveSelection } from './task-table/selection.js';
import { canAttach } from './task-table/status-style.js';
import { focusLine, tableLines } from './task-table/table-lines.js';
import { bodyLines, columnHeaderLine } from './table-view.js';
import { useSelection } from './use-selection.js';
import { useTaskRows } from './use-task-rows.js';
import { useTerminalSize } from './use-terminal-size.js';
import { taskLabel, type Notice, type WatchLeave, type WatchMemory } from './watch-memory.js';
import type { TaskRow, WatchSource } from './watch-source.js';

export interface WatchAppProps {
  source: WatchSource;
  now: () => number;
  onLeave: (leave: WatchLeave) => void;
  /** A task started waiting for input. */
  onBell: () => void;
  memory?: WatchMemory;
  /** How often ages are redrawn. */
  tickMs?: number;
}

const FOOTER = '↑/↓ j/k move · enter/a attach · s start · x stop · r refresh · q quit';
// Headline, column names, notice and footer, plus the line Ink leaves under the frame.
const CHROME_LINES = 5;

export function WatchApp({ source, now, onLeave, onBell, memory, tickMs = 1_000 }: WatchAppProps): ReactElement {
  const { exit } = useApp();
  const { columns, rows: height } = useTerminalSize();
  const activities = useRef(memory?.activities);
  const onRows = useCallback(
    (listed: TaskRow[]) => {
      if (newlyWaiting(activities.current, listed).length > 0) onBell();
      activities.current = activityByTask(listed);
    },
    [onBell],
  );
  const { rows, listError, refresh } = useTaskRows(source, memory?.rows, onRows);
  const [notice, setNotice] = useState<Notice | undefined>(memory?.notice);
  const [clock, setClock] = useState(now);
  const alive = useRef(true);

  const groups = useMemo(() => groupRows(rows ?? []), [rows]);
  const ordered = useMemo(() => orderedRows(groups), [groups]);
  const keys = useMemo(() => ordered.map(taskKey), [ordered]);
  const { latest, select } = useSelection(keys, memory?.selection ?? NO_SELECTION);
  const current = resolveSelection(keys, latest());

  useEffect(() => {
    alive.current = true;
    const timer = setInterval(() => setClock(now()), tickMs);
    return () => {
      alive.current = false;
      clearInterval(timer);
    };
  }, [now, tickMs]);

  const act = useCallback(
    async (row: TaskRow, verb: 'start' | 'stop') => {
      setNotice({ tone: 'info', text: `${verb === 'start' ? 'starting' : 'stopping'} ${taskLabel(row)}…` });
      try {
        await (verb === 'start' ? source.start(row) : source.stop(row));
        if (alive.current) setNotice({ tone: 'info', text: `${verb === 'start' ? 'started' : 'stopped'} ${taskLabel(row)}` });
      } catch (error) {
        if (alive.current) setNotice({ tone: 'error', text: describeError(error) });
      }
      if (alive.current) refresh();
    },
    [source, refresh],
  );

  /** Returns false: the keys after this one are not for this app. */
  const leave = (outcome: WatchLeave): false => {
    onLeave(outcome);
    exit();
    return false;
  };

  // Ink swaps the input handler in an effect, after the frame is drawn: a key pressed in between
  // must still act on the rows on screen, not on the ones of the render before.
  const onScreen = useRef({ keys, ordered, rows });
  onScreen.current = { keys, ordered, rows };

  const run = (command: Command): boolean => {
    const { keys, ordered, rows } = onScreen.current;
    const current = resolveSelection(keys, latest());
    if (command === Command.QUIT) return leave({ kind: 'quit' });
    if (command === Command.UP || command === Command.DOWN) {
      select(moveSelection(keys, current, command === Command.UP ? -1 : 1));
      return true;
    }
    if (command === Command.REFRESH) {
      setNotice(undefined);
      refresh();
      return true;
    }
    const selectedRow = current.key === undefined ? undefined : ordered[keys.indexOf(current.key)];
    if (selectedRow === undefined) return true;
    if (command === Command.START || command === Command.STOP) {
      void act(selectedRow, command);
      return true;
    }
    if (!canAttach(selectedRow)) {
      setNotice({ tone: 'info', text: `${taskLabel(selectedRow)} has no running agent to attach to; press s to start it.` });
      return true;
    }
    return leave({ kind: 'attach', row: selectedRow, memory: { selection: current, rows, activities: activities.current } });
  };

  useInput((input: string, key: Key) => {
    // Keys after a quit or an attach in the same chunk are not for this table.
    for (const command of keyCommands(input, key)) if (!run(command)) return;
  });

  const lines = tableLines(groups);
  const shown = scrollWindow(lines.length, focusLine(lines, current.key), height - CHROME_LINES);
  const widths = layoutColumns(ordered, columns);
  const message: Notice | undefined = listError === undefined ? notice : { tone: 'error', text: `Cannot list the tasks: ${describeError(listError)}` };
  const empty = rows === undefined ? 'Loading tasks…' : 'No tasks yet. Create one with `orchestra new <slug>`.';

  return h(
    Box,
    { flexDirection: 'column' },
    h(Text, { bold: true, wrap: 'truncate-end' }, headline(ordered)),
    columnHeaderLine(widths),
    ...(lines.length === 0
      ? [h(Text, { key: 'empty', dimColor: true }, empty)]
      : bodyLines({ lines: lines.slice(shown.start, shown.end), widths, width: columns, now: clock, selectedKey: current.key })),
    // A line of its own even when empty, so a message appearing does not shift the table.
    h(Box, { height: 1 }, h(Text, { color: message?.tone === 'error' ? 'red' : undefined, wrap: 'truncate-end' }, message?.text ?? '')),
    h(Text, { dimColor: true, wrap: 'truncate-end' }, FOOTER),
  );
}
