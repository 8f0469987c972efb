import { useState } from 'react';
import { ApiError } from '../lib/api';

export interface ActionState {
  busy: boolean;
  /** What the server said when it refused (its message and hint), or a network failure. */
  refusal: string | undefined;
  run(action: () => Promise<unknown>): Promise<boolean>;
  clear(): void;
}

/** One button's call: busy while it runs, the server's refusal kept to show beside it. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  return {
    busy,
    refusal,
    clear: () => setRefusal(undefined),
    async run(action) {
      setBusy(true);
      setRefusal(undefined);
      try {
        await action();
        return true;
      } catch (error) {
        setRefusal(refusalText(error));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

export function refusalText(error: unknown): string {
  if (error instanceof ApiError) return [error.message, ...error.fields.map((issue) => `${issue.field}: ${issue.message}`), error.hint].filter(Boolean).join(' — ');
  return error instanceof Error ? error.message : String(error);
}
