import type { GuidedInstanceView, WorkflowInstanceView } from './types';

/* workflows.get and guided.show: an instance with its history (GET /openapi.json has them in full). */

export interface WorkflowDetail {
  instance: WorkflowInstanceView & { input: unknown; result?: unknown; error?: { code: string; message: string } };
  journal: Array<{ position: number; kind: string; name: string; result?: unknown; error?: { code: string; message: string }; at: number }>;
  signals: Array<{ seq: number; name: string; payload: unknown; sentAt: number; consumedAt?: number }>;
  pendingTask?: { id: string; title: string; status: string };
}

export interface GuidedDetail {
  instance: GuidedInstanceView & { context: unknown };
  history: Array<{ seq: number; step: string; report: unknown; contextUpdates: unknown; at: number }>;
  decisions: Array<{ seq: number; kind: 'start' | 'advance' | 'resume'; input: unknown; output: unknown; reason: string; by: 'model' | 'rules' | 'person'; fallback?: string; at: number }>;
}

/** A JSON value in one line, cut at `max` characters (the full value is in the title). */
export function brief(value: unknown, max = 120): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
