import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '../interviewer.js';
import { createConsoleInterviewer, type ConsoleInterviewer } from './console-interviewer.js';

const approve = { key: 'A', label: 'Approve' };
const reject = { key: 'R', label: 'Reject' };
const choice: Question = { text: 'Ship it?', type: 'multiple_choice', options: [approve, reject], stage: 'gate' };

let open: ConsoleInterviewer[] = [];
afterEach(() => {
  for (const interviewer of open) interviewer.close();
  open = [];
});

function setup() {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  const waiters: Array<() => void> = [];
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  const interviewer = createConsoleInterviewer({ input, output });
  open.push(interviewer);
  /** Resolves once the output contains `text`; fails after a generous deadline. */
  async function printedText(text: string, deadlineMs = 5_000): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    while (!printed.includes(text)) {
      if (Date.now() > deadline) throw new Error(`output never contained ${JSON.stringify(text)}; got ${JSON.stringify(printed)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
  return { input, interviewer, printedText, printed: () => printed };
}

describe('createConsoleInterviewer', () => {
  it('prints the question and its options, then reads the answer', async () => {
    const { input, interviewer, printed } = setup();
    const answer = interviewer.ask(choice);
    input.write('a\n');
    await expect(answer).resolves.toEqual({ value: 'A', selectedOption: approve, text: 'a' });
    // Piped input is echoed after the prompt, as a terminal would show it.
    expect(printed()).toBe('[?] Ship it?\n  [A] Approve\n  [R] Reject\nSelect: a\n');
  });

  it('asks again, saying what is allowed, when the answer matches nothing', async () => {
    const { input, interviewer, printedText, printed } = setup();
    const answer = interviewer.ask(choice);
    input.write('maybe\n');
    await printedText('Please answer');
    input.write('2\n');
    await expect(answer).resolves.toMatchObject({ value: 'R', selectedOption: reject });
    expect(printed()).toContain('Select: maybe\nPlease answer with one of: [A] Approve, [R] Reject (key, label or number).\nSelect: 2\n');
  });

  it('issue 10: a chat turn shows the model message line by line (escaped, indented) and how to end it, and reads a reply', async () => {
    const { input, interviewer, printedText, printed } = setup();
    const chat: Question = { text: 'Ideas (turn 1 of at most 5)', body: 'One\nTwo \u001b[2J\n', type: 'chat', options: [approve], stage: 'ideas' };
    const answer = interviewer.ask(chat);
    input.write('\n');
    await printedText('Please type a reply');
    input.write('More please\n');
    await expect(answer).resolves.toEqual({ value: 'More please', text: 'More please' });
    expect(printed()).toBe('[?] Ideas (turn 1 of at most 5)\n    One\n    Two \\x1b[2J\n  (reply, or end the chat with /done or a choice: /A Approve)\n> \nPlease type a reply, or /done to end the chat.\n> More please\n');
  });

  it('keeps lines typed ahead for the next question', async () => {
    const { input, interviewer } = setup();
    input.write('A\nreject\n');
    expect((await interviewer.ask(choice)).value).toBe('A');
    expect((await interviewer.ask(choice)).value).toBe('R');
  });

  it('asks yes/no questions with [Y/N]', async () => {
    const { input, interviewer, printed } = setup();
    const answer = interviewer.ask({ text: 'Deploy?', type: 'yes_no', options: [], stage: 'deploy' });
    input.write('y\n');
    await expect(answer).resolves.toEqual({ value: 'yes', text: 'y' });
    expect(printed()).toBe('[?] Deploy?\n[Y/N]: y\n');
  });

  it.each([
    ['the default, marked as timed out', { ...choice, default: { value: 'R', selectedOption: reject } }, { value: 'R', selectedOption: reject, timedOut: true }],
    ['TIMEOUT without a default', choice, { value: 'timeout', timedOut: true }],
  ])('answers %s when nobody types in time', async (_name, question, expected) => {
    const { interviewer, printed } = setup();
    await expect(interviewer.ask({ ...question, timeoutSeconds: 0.05 })).resolves.toEqual(expected);
    expect(printed()).toContain('No answer after 0.05s');
  });

  it('rejects with the abort reason when the signal aborts', async () => {
    const { interviewer, printedText } = setup();
    const controller = new AbortController();
    const answer = interviewer.ask(choice, controller.signal);
    await printedText('Select: ');
    controller.abort(new Error('run cancelled'));
    await expect(answer).rejects.toThrow('run cancelled');
  });

  it('answers SKIPPED when the input ends', async () => {
    const { input, interviewer } = setup();
    const answer = interviewer.ask(choice);
    input.end();
    await expect(answer).resolves.toEqual({ value: 'skipped' });
    await expect(interviewer.ask(choice)).resolves.toEqual({ value: 'skipped' });
  });

  it('issue 9: takes the question\'s default when the input ends, and says so', async () => {
    const { input, interviewer, printed } = setup();
    const withDefault: Question = { ...choice, default: { value: 'A', selectedOption: approve } };
    const answer = interviewer.ask(withDefault);
    input.end();
    await expect(answer).resolves.toEqual({ value: 'A', selectedOption: approve });
    expect(printed()).toContain('Input ended; taking the default: Approve.');
    await expect(interviewer.ask(withDefault)).resolves.toEqual({ value: 'A', selectedOption: approve });
  });

  it('pauses its input after answering, so it does not keep the process alive', async () => {
    const { input, interviewer } = setup();
    const answer = interviewer.ask(choice);
    input.write('A\n');
    await answer;
    expect(input.isPaused()).toBe(true);
  });

  it('prints inform messages with their stage', async () => {
    const { interviewer, printed } = setup();
    await interviewer.inform('Deploy started', 'deploy');
    expect(printed()).toBe('[i] deploy: Deploy started\n');
  });
});
