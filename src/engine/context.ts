/**
 * The run's key-value context (Attractor §5.2). Values are JSON-serializable; snapshots and clones
 * are deep copies so that branches and checkpoints never share mutable state with the run.
 */
export class RunContext {
  private values: Map<string, unknown>;
  private readonly logLines: string[];

  constructor(initial: Record<string, unknown> = {}, logs: string[] = []) {
    this.values = new Map(Object.entries(structuredClone(initial)));
    this.logLines = [...logs];
  }

  get(key: string, fallback?: unknown): unknown {
    return this.values.has(key) ? this.values.get(key) : fallback;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  /** The value as text, the way conditions see it: missing → "", booleans → true/false. */
  getString(key: string, fallback = ''): string {
    const value = this.values.get(key);
    if (value === undefined || value === null) return fallback;
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }

  applyUpdates(updates: Readonly<Record<string, unknown>> | undefined): void {
    if (!updates) return;
    for (const [key, value] of Object.entries(updates)) this.values.set(key, structuredClone(value));
  }

  appendLog(line: string): void {
    this.logLines.push(line);
  }

  get logs(): readonly string[] {
    return this.logLines;
  }

  snapshot(): Record<string, unknown> {
    return structuredClone(Object.fromEntries(this.values));
  }

  /**
   * A shallow copy in O(keys): the values are shared, which is safe because the context replaces
   * a value (applyUpdates stores a private clone) and never changes one in place.
   */
  entries(): Readonly<Record<string, unknown>> {
    return Object.fromEntries(this.values);
  }

  clone(): RunContext {
    return new RunContext(this.snapshot(), this.logLines);
  }

  /** Keys whose values differ from `base` (used to report what a branch changed). */
  diffFrom(base: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const changed: Record<string, unknown> = {};
    for (const [key, value] of this.values) {
      if (JSON.stringify(base[key]) !== JSON.stringify(value)) changed[key] = structuredClone(value);
    }
    return changed;
  }
}
