import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../store/run-dir/write-file-atomic.js';
import type { ChecksReport } from './check-result.js';
import { fence } from './markdown-fence.js';

/** Kept in the stage dir between attempts, so the feedback survives a crash and a resume. */
export const feedbackFileName = 'feedback.md';
export const feedbackHeading = 'Previous attempt failed these checks:';

/** The section added to the agent's next prompt: each failed check, why, and its (trimmed) output. */
export function renderFeedback(report: ChecksReport): string {
  const parts = [feedbackHeading, ''];
  for (const result of report.results) {
    if (result.passed || result.skipped) continue;
    parts.push(`- ${result.name}: ${result.summary}`);
    if (result.output) parts.push(indent(fence(result.output)));
  }
  parts.push('', 'Fix these problems; the checks run again after you finish.');
  return `${parts.join('\n')}\n`;
}

/** The prompt followed by the feedback section, if there is one. */
export function withFeedback(prompt: string, feedback: string | undefined): string {
  return feedback === undefined || feedback.trim() === '' ? prompt : `${prompt.trimEnd()}\n\n${feedback.trimEnd()}\n`;
}

export async function readFeedback(stageDir: string): Promise<string | undefined> {
  try {
    return await readFile(join(stageDir, feedbackFileName), 'utf8');
  } catch {
    return undefined;
  }
}

export async function writeFeedback(stageDir: string, feedback: string): Promise<void> {
  await writeFileAtomic(join(stageDir, feedbackFileName), feedback);
}

/** Once the checks pass there is nothing left to feed back. */
export async function clearFeedback(stageDir: string): Promise<void> {
  await rm(join(stageDir, feedbackFileName), { force: true });
}


function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}
