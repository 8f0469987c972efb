import { describe, expect, it } from 'vitest';
import type { RunEvent, RunEventBody } from '../../core/index.js';
import { plainPalette } from './color.js';
import { createProgressPrinter, resolveOutputMode, type OutputMode } from './progress-printer.js';

// A fake terminal: what was written, and a clock the test moves (no sleeps).
function setup(mode: OutputMode, isTTY: boolean) {
  let now = 0;
  let written = '';
  const out = { isTTY, write: (text: string) => (written += text) };
  const printer = createProgressPrinter(out, mode, plainPalette, { showQuestions: false, now: () => now, columns: 60 });
  let seq = 0;
  const emit = (body: RunEventBody) => printer.onEvent({ runId: 'r', seq: (seq += 1), at: now, ...body } as RunEvent);
  return {
    emit,
    advance(ms: number) {
      now += ms;
      printer.tick();
    },
    printer,
    take() {
      const text = written;
      written = '';
      return text;
    },
  };
}

const started = (node: string): RunEventBody => ({ type: 'node.started', node, index: 1, handler: 'codergen', attempt: 1 });
const completed = (node: string): RunEventBody => ({ type: 'node.completed', node, index: 1, status: 'success', durationMs: 2_500 });
const ending = { runId: 'r', state: 'completed', status: 'success', durationMs: 3_000 } as const;

describe('issue 9: a live line for a node that runs longer than a second', () => {
  it('on a terminal: nothing for the first second, then elapsed time and activity, rewritten in place and cleared for the next line', () => {
    const t = setup('human', true);
    t.emit(started('plan'));
    t.advance(900);
    expect(t.take()).toBe('');
    t.advance(300);
    expect(t.take()).toBe('\r\x1b[2K⋯ plan 1s');
    t.emit({ type: 'agent.activity', node: 'plan', activity: 'api_retry 6/10' });
    expect(t.take()).toBe('\r\x1b[2K⋯ plan 1s · api_retry 6/10');
    t.advance(1_000);
    expect(t.take()).toBe('\r\x1b[2K⋯ plan 2s · api_retry 6/10');
    t.emit(completed('plan'));
    expect(t.take()).toBe('\r\x1b[2K✓ plan  success  2.5s\n');
  });

  it('hides the live line while a question is asked', () => {
    const t = setup('human', true);
    t.emit(started('plan'));
    t.advance(2_000);
    t.take();
    t.emit({ type: 'interview.started', node: 'gate', question: 'Ship?', options: [] });
    expect(t.take()).toBe('\r\x1b[2K');
    t.advance(1_000);
    expect(t.take()).toBe('');
  });

  it('issue 10: hides the live line while a chat waits for the person, and shows it again once they replied', () => {
    const t = setup('human', true);
    t.emit(started('ideas'));
    t.advance(2_000);
    t.take();
    t.emit({ type: 'chat.turn', node: 'ideas', visit: 'r0.v1', attempt: 1, turn: 1, role: 'model', text: 'Five ideas' });
    expect(t.take()).toBe('\r\x1b[2K');
    t.advance(1_000);
    expect(t.take()).toBe('');
    t.emit({ type: 'chat.turn', node: 'ideas', visit: 'r0.v1', attempt: 1, turn: 1, role: 'person', text: 'More', by: 'ann' });
    t.advance(1_000);
    expect(t.take()).toContain('⋯ ideas 4s');
  });

  it('not on a terminal: no rewriting, a "still running" line every 30 s', () => {
    const t = setup('human', false);
    t.emit(started('build'));
    t.emit({ type: 'agent.activity', node: 'build', activity: 'tool Bash' });
    for (let second = 0; second < 29; second += 1) t.advance(1_000);
    expect(t.take()).toBe('');
    t.advance(1_000);
    expect(t.take()).toBe('… build 30s · tool Bash (still running)\n');
    t.advance(1_000);
    expect(t.take()).toBe('');
    t.advance(30_000);
    expect(t.take()).toBe('… build 1m00s · tool Bash (still running)\n');
  });
});

describe('issue 9: run --single-line', () => {
  it('on a terminal: every update rewrites one line, the result goes on a line of its own', () => {
    const t = setup('single-line', true);
    t.emit({ type: 'run.started', pipeline: 'P', file: 'p.dot', goal: '', resumed: false });
    expect(t.take()).toBe('\r\x1b[2KRunning P as run r');
    t.emit(started('plan'));
    t.advance(1_500);
    expect(t.take()).toBe('\r\x1b[2KRunning P as run r  ⋯ plan 1s');
    t.emit(completed('plan'));
    expect(t.take()).toBe('\r\x1b[2K✓ plan  success  2.5s');
    t.printer.finish(ending);
    const result = t.take();
    expect(result.startsWith('\r\x1b[2K✓ Run r completed (success) in 3.0s.')).toBe(true);
    expect(result.endsWith('\n')).toBe(true);
  });

  it('cuts a line wider than the terminal, so \\r rewrites all of it', () => {
    const t = setup('single-line', true);
    t.emit({ type: 'log', level: 'warn', node: 'n', message: 'x'.repeat(200) });
    const text = t.take();
    expect(text.length).toBe('\r\x1b[2K'.length + 59);
    expect(text.endsWith('…')).toBe(true);
  });

  it('not on a terminal: one line per update, as the default output', () => {
    const t = setup('single-line', false);
    t.emit(started('plan'));
    t.advance(40_000);
    t.emit(completed('plan'));
    expect(t.take()).toBe('✓ plan  success  2.5s\n');
  });

  it.each<[Parameters<typeof resolveOutputMode>[0], OutputMode]>([
    [{ singleLine: true }, 'single-line'],
    [{ singleLine: true, quiet: true }, 'quiet'],
    [{ singleLine: true, json: true }, 'json'],
    [{}, 'human'],
  ])('%o is %s', (options, mode) => {
    expect(resolveOutputMode(options)).toBe(mode);
  });
});
