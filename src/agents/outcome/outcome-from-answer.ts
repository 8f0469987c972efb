import { isOrchestraError } from '../../core/errors.js';
import type { Outcome } from '../../core/outcome.js';
import { parseStatusFile } from '../../store/run-dir/status-file.js';
import type { AgentResult } from '../backend.js';

/**
 * The one rule, for every backend (direct, agent, cli), that turns an agent's final answer into
 * an Outcome (docs/agents.md, "From answer to outcome"):
 * 1. A `status.json` the agent wrote in its stage directory wins; the engine reads it (decision 18).
 * 2. Otherwise an outcome block at the very end of the answer: a fenced ```json block, or a last
 *    line that is a JSON object, with `outcome` (or `status`) and optionally `preferred_label`,
 *    `suggested_next_ids`, `context_updates`, `notes`, `failure_reason` (the status.json keys).
 *    The block is the Outcome and is cut from the response text.
 * 3. Otherwise SUCCESS, with the whole answer as the response.
 * A final block that tries to report (it mentions "outcome" or "status") but does not parse, or
 * holds an unknown status, is FAIL naming the problem: guessing would route on a report the
 * agent did not make. A final JSON block about something else is just part of the answer.
 */
export function outcomeFromAnswer(text: string): AgentResult {
  const block = finalBlock(text);
  if (block === undefined || !mentionsStatus(block.json)) return { outcome: { status: 'success' }, response: text };
  const response = text.slice(0, block.start).trimEnd();
  let outcome: Outcome;
  try {
    outcome = parseStatusFile(block.json, answerLabel);
  } catch (error) {
    if (!isOrchestraError(error)) throw error;
    const problem = error.message.replace(`status file ${answerLabel} `, '');
    const failureReason = `the outcome block at the end of the answer ${problem}`;
    return { outcome: { status: 'fail', failureReason }, response };
  }
  return { outcome, response };
}

const answerLabel = '<answer>';

interface FinalBlock {
  json: string;
  /** Where the block begins in the answer; everything before it is the response. */
  start: number;
}

function finalBlock(text: string): FinalBlock | undefined {
  const trimmed = text.trimEnd();
  if (trimmed.endsWith('```')) return fencedBlock(trimmed);
  const lineStart = trimmed.lastIndexOf('\n') + 1;
  const lastLine = trimmed.slice(lineStart).trim();
  if (lastLine.startsWith('{') && lastLine.endsWith('}')) return { json: lastLine, start: lineStart };
  return undefined;
}

/** The fenced block closing at the end of `trimmed`, when it is ```json (or bare ```) holding an object. */
function fencedBlock(trimmed: string): FinalBlock | undefined {
  const close = trimmed.length - 3;
  const open = trimmed.lastIndexOf('```', close - 1);
  if (open < 0) return undefined;
  const firstNewline = trimmed.indexOf('\n', open);
  if (firstNewline < 0 || firstNewline > close) return undefined;
  const language = trimmed.slice(open + 3, firstNewline).trim().toLowerCase();
  const json = trimmed.slice(firstNewline + 1, close).trim();
  if ((language !== 'json' && language !== '') || !json.startsWith('{')) return undefined;
  return { json, start: open };
}

function mentionsStatus(json: string): boolean {
  return /"(?:outcome|status)"\s*:/.test(json);
}
