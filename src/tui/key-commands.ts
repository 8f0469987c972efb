import type { Key } from 'ink';

export const Command = {
  UP: 'up',
  DOWN: 'down',
  ATTACH: 'attach',
  START: 'start',
  STOP: 'stop',
  REFRESH: 'refresh',
  QUIT: 'quit',
} as const;
export type Command = (typeof Command)[keyof typeof Command];

const BY_CHARACTER: Readonly<Record<string, Command>> = {
  k: Command.UP,
  j: Command.DOWN,
  a: Command.ATTACH,
  '\r': Command.ATTACH,
  s: Command.START,
  x: Command.STOP,
  r: Command.REFRESH,
  q: Command.QUIT,
  '\u0003': Command.QUIT, // Ctrl-C inside a chunk of several keys
};

export type KeyFlags = Pick<Key, 'upArrow' | 'downArrow' | 'return' | 'ctrl'>;

/**
 * What a piece of input asks for. Keys typed faster than the table reads them (key repeat while a
 * listing runs) reach Ink as one chunk, `jjs`; each character still counts.
 */
export function keyCommands(input: string, key: KeyFlags): Command[] {
  if (key.ctrl) return input === 'c' ? [Command.QUIT] : [];
  if (key.upArrow) return [Command.UP];
  if (key.downArrow) return [Command.DOWN];
  if (key.return) return [Command.ATTACH];
  return [...input].flatMap((character) => BY_CHARACTER[character] ?? []);
}
