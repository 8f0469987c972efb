import { isAbsolute } from 'node:path';
import type { CheckResult } from './check-result.js';
import type { CheckSpec } from './check-spec.js';
import { findFirstMatch } from './find-files.js';

/** Passes when at least one path under `cwd` matches the glob (absolute globs search from `/`). */
export async function runFileExistsCheck(spec: Extract<CheckSpec, { kind: 'file_exists' }>, name: string, cwd: string, signal: AbortSignal): Promise<Omit<CheckResult, 'durationMs'>> {
  const [root, pattern] = isAbsolute(spec.pattern) ? ['/', spec.pattern.slice(1)] : [cwd, spec.pattern];
  const match = await findFirstMatch(root, pattern, signal);
  if (match !== undefined) return { name, kind: 'file_exists', passed: true, summary: `found ${isAbsolute(spec.pattern) ? `/${match}` : match}` };
  return {
    name,
    kind: 'file_exists',
    passed: false,
    summary: `no file matches ${spec.pattern}`,
    output: `No file or directory matches "${spec.pattern}" in ${isAbsolute(spec.pattern) ? '/' : cwd}.`,
  };
}
