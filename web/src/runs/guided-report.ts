import { brief } from './instance-types';

/*
 * A guided step's report in one line for the steps table: its status and its result, then any
 * other field. The step's name is in a column of its own, so `step_id` is left out: shown whole
 * (`{"step_id":…,"status":…`) the result an agent wrote was cut off behind what the table says already.
 */

export function reportSummary(report: unknown, max = 160): string {
  if (report === null || typeof report !== 'object' || Array.isArray(report)) return brief(report, max);
  const { step_id: _step, status, result, ...rest } = report as Record<string, unknown>;
  const parts = [
    typeof status === 'string' ? status : undefined,
    result === undefined ? undefined : typeof result === 'string' ? result : brief(result, max),
    Object.keys(rest).length > 0 ? brief(rest, max) : undefined,
  ].filter((part): part is string => part !== undefined && part !== '');
  const text = parts.join(': ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
