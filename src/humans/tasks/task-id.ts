import { randomBytes } from 'node:crypto';

/** A human task id: `h` + 8 base36 chars of time + 4 random, short enough to type (`orchestra answer h0k2…`). */
export function createHumanTaskId(nowMs: number = Date.now(), random: () => Buffer = () => randomBytes(3)): string {
  const time = nowMs.toString(36).padStart(8, '0').slice(-8);
  const rand = (random().readUIntBE(0, 3) % 36 ** 4).toString(36).padStart(4, '0');
  return `h${time}${rand}`;
}
