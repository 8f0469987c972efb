import { ErrorCode, OrchestraError } from './errors.js';

const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const durationPattern = /^(-?\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/** `250ms`, `900s`, `15m`, `2h`, `1d` → milliseconds; undefined when the text is not a duration. */
export function tryParseDuration(text: string): number | undefined {
  const match = durationPattern.exec(text.trim());
  if (!match) return undefined;
  const unit = match[2] as keyof typeof unitMs;
  return Number(match[1]) * unitMs[unit];
}

export function parseDuration(text: string, what = 'duration'): number {
  const ms = tryParseDuration(text);
  if (ms === undefined || ms < 0) {
    throw new OrchestraError(ErrorCode.DURATION, `Expected ${what} to be a duration such as 250ms, 30s, 15m, 2h or 1d, got "${text}".`, {
      hint: 'Write a whole number followed by one of the units ms, s, m, h, d.',
    });
  }
  return ms;
}

/** 1234 → "1.2s", 61_000 → "1m01s": short, for progress lines. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)}s`;
  const totalSeconds = Math.round(ms / 1_000);
  const hours = Math.floor(totalSeconds / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  const seconds = totalSeconds % 60;
  const mm = String(minutes).padStart(hours > 0 ? 2 : 1, '0');
  return `${hours > 0 ? `${hours}h` : ''}${mm}m${String(seconds).padStart(2, '0')}s`;
}
