import { randomBytes } from 'node:crypto';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Identifies one run of a pipeline. Time-sortable: `r` + 8 base36 chars of time + 6 random. */
export type RunId = Brand<string, 'RunId'>;

export function createRunId(nowMs: number = Date.now(), random: () => Buffer = () => randomBytes(4)): RunId {
  const time = nowMs.toString(36).padStart(9, '0').slice(-9);
  const rand = random().readUInt32BE(0).toString(36).padStart(7, '0').slice(-7);
  return `${time}${rand}` as RunId;
}

export function toRunId(text: string): RunId {
  return text as RunId;
}
