/**
 * The AI SDK prints provider warnings ("maxOutputTokens is used in a compatibility mode") with
 * console.warn, straight onto the user's terminal between progress lines, and its switch is a
 * process-wide global. Turned off once here; each call's `result.warnings` are returned instead and
 * recorded per node as the run's `log` events (see callModel).
 */
export function silenceSdkWarningConsole(): void {
  (globalThis as { AI_SDK_LOG_WARNINGS?: unknown }).AI_SDK_LOG_WARNINGS = false;
}

type SdkWarning = { type: 'unsupported' | 'compatibility'; feature: string; details?: string } | { type: 'other'; message: string } | { type: string };

/** One line per warning, in the SDK's own words, naming the provider and model. */
export function formatSdkWarning(warning: SdkWarning, provider: string, model: string): string {
  const prefix = `AI SDK warning (${provider} / ${model}):`;
  if ('feature' in warning) {
    const what = warning.type === 'unsupported' ? 'is not supported' : 'is used in a compatibility mode';
    return `${prefix} the feature "${warning.feature}" ${what}.${warning.details ? ` ${warning.details}` : ''}`;
  }
  if ('message' in warning) return `${prefix} ${warning.message}`;
  return `${prefix} ${JSON.stringify(warning)}`;
}
