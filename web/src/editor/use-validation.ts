import { useEffect, useState } from 'react';
import { editorApi } from './editor-api';
import type { DiagnosticView } from './lint-range';

/**
 * The real validator's diagnostics for the text, asked a pause after the last change (pipelines.validate
 * with the text as `source`). `text` says which text they belong to: the views show them only on it,
 * so a line number never lands on a line that moved since.
 */
export function useValidation(project: string, text: string, delayMs = 400): { text: string; diagnostics: DiagnosticView[]; error?: string } {
  const [result, setResult] = useState<{ text: string; diagnostics: DiagnosticView[]; error?: string }>({ text: '', diagnostics: [] });
  useEffect(() => {
    if (text.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      editorApi.validate(project, text).then(
        (validation) => current && setResult({ text, diagnostics: validation.diagnostics }),
        (error: Error) => current && setResult({ text, diagnostics: [], error: error.message }),
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [project, text, delayMs]);
  return result;
}
