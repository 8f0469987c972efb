import { createHash, randomBytes } from 'node:crypto';

/** A human task id: `h` + 8 base36 chars of time + 4 random, short enough to type (`orchestra answer h0k2…`). */
export function createHumanTaskId(nowMs: number = Date.now(), random: () => Buffer = () => randomBytes(3)): string {
  const time = nowMs.toString(36).padStart(8, '0').slice(-8);
  const rand = (random().readUIntBE(0, 3) % 36 ** 4).toString(36).padStart(4, '0');
  return `h${time}${rand}`;
}

/**
 * A task id derived from what names the question (a gate's run, node, visit and attempt; a chat
 * turn's run, node, visit and turn): the same every time, so a resumed run finds the task it
 * created before instead of making a second one. Same shape as createHumanTaskId's.
 */
export function derivedTaskId(parts: readonly (string | number)[]): string {
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest();
  return `h${digest.readBigUInt64BE(0).toString(36).padStart(13, '0').slice(-12)}`;
}
