import type { Answer, Interviewer, Question } from '../interviewer.js';
import { interpretConsoleLine, promptFor } from './console-answer.js';
import { LineReader } from './line-reader.js';
import { escapeTerminalLines, escapeTerminalText } from '../../core/terminal-text.js';

export interface ConsoleInterviewerOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export interface ConsoleInterviewer extends Interviewer {
  /** Stops reading the input for good. Not needed to let the process exit: an idle reader is paused. */
  close(): void;
}

/**
 * Asks at a terminal or any line-oriented stream (Attractor §6): prints `[?] question` and the
 * options, reads a line, asks again on an answer that matches nothing. Works without a TTY.
 * A question with `timeoutSeconds` answers with its default (or TIMEOUT) when nobody types in time;
 * an input that ends takes the default too (nobody is left to type one), else answers SKIPPED.
 */
export function createConsoleInterviewer(options: ConsoleInterviewerOptions): ConsoleInterviewer {
  const { output } = options;
  const reader = new LineReader(options.input);
  const write = (text: string) => void output.write(text);
  // A terminal echoes what the person types; piped input does not, so echo it to keep the transcript readable.
  const echoAnswers = (options.input as { isTTY?: boolean }).isTTY !== true;

  /** `prompted`: a prompt is on the line, so the next message starts on a new one. */
  function endOfInput(question: Question, prompted: boolean): Answer {
    const fallback = defaultLabel(question);
    const lineBreak = prompted ? '\n' : '';
    if (!question.default || fallback === undefined) {
      write(lineBreak);
      return { value: 'skipped' };
    }
    write(`${lineBreak}Input ended; taking the default: ${escapeTerminalText(fallback)}.\n`);
    return question.default;
  }

  async function askOnce(question: Question, signal: AbortSignal): Promise<Answer> {
    write(renderQuestion(question));
    for (;;) {
      // No prompt when nobody can type (stdin is /dev/null, or ended at an earlier question).
      if (reader.exhausted) return endOfInput(question, false);
      write(promptFor(question));
      const line = await reader.read(signal);
      if (line === undefined) return endOfInput(question, true);
      if (echoAnswers) write(`${line}\n`);
      const verdict = interpretConsoleLine(question, line);
      if ('answer' in verdict) return verdict.answer;
      write(`${escapeTerminalText(verdict.retry)}\n`);
    }
  }

  return {
    async ask(question: Question, signal?: AbortSignal): Promise<Answer> {
      if (signal?.aborted) throw signal.reason;
      const controller = new AbortController();
      const onAbort = () => controller.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const timeoutMs = (question.timeoutSeconds ?? 0) * 1000;
      const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(timedOut), timeoutMs) : undefined;
      try {
        return await askOnce(question, controller.signal);
      } catch (error) {
        if (error !== timedOut) throw error;
        write(`\nNo answer after ${question.timeoutSeconds}s${question.default ? ', taking the default' : ''}.\n`);
        return question.default ? { ...question.default, timedOut: true } : { value: 'timeout', timedOut: true };
      } finally {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
    },
    async inform(message: string, stage: string): Promise<void> {
      write(`[i] ${escapeTerminalText(stage)}: ${escapeTerminalText(message)}\n`);
    },
    close(): void {
      reader.close();
    },
  };
}

// A private sentinel, so a timeout is never confused with an abort from the caller.
const timedOut = Symbol('console question timed out');

/** Questions, option keys and labels come from the pipeline file: escaped, so each stays on its line. */
function renderQuestion(question: Question): string {
  const lines = [`[?] ${escapeTerminalText(question.text)}`];
  // A model's message keeps its lines; each is indented so it never looks like one of our own lines.
  if (question.body !== undefined) lines.push(...escapeTerminalLines(question.body.trimEnd()).split('\n').map((line) => `    ${line}`));
  if (question.type === 'chat') lines.push(`  (reply, or end the chat with /done${chatChoices(question)})`);
  if (question.type === 'multiple_choice') {
    for (const option of question.options) lines.push(`  [${escapeTerminalText(option.key)}] ${escapeTerminalText(option.label)}`);
  }
  const fallback = defaultLabel(question);
  if (fallback !== undefined) lines.push(`  (Enter for ${escapeTerminalText(fallback)}${question.timeoutSeconds ? `; taken after ${question.timeoutSeconds}s` : ''})`);
  return `${lines.join('\n')}\n`;
}

function chatChoices(question: Question): string {
  if (question.options.length === 0) return '';
  return ` or a choice: ${question.options.map((option) => `/${escapeTerminalText(option.key)} ${escapeTerminalText(option.label)}`).join(', ')}`;
}

function defaultLabel(question: Question): string | undefined {
  return question.default?.selectedOption?.label ?? question.default?.value;
}
