import { describe, expect, it } from 'vitest';
import type { RunEvent, RunEventBody } from '../../core/index.js';
import { plainPalette } from './color.js';
import { formatEventLine } from './event-line.js';

const ev = (body: RunEventBody): RunEvent => ({ runId: 'r1', seq: 1, at: 0, ...body }) as RunEvent;

describe('formatEventLine', () => {
  it.each<[RunEventBody, string | undefined]>([
    [{ type: 'run.started', pipeline: 'Simple', file: '/x.dot', goal: 'g', resumed: false }, 'Running Simple as run r1'],
    [{ type: 'run.started', pipeline: 'Simple', file: '/x.dot', goal: 'g', resumed: true, fromCheckpoint: 3 }, 'Resuming Simple as run r1 from checkpoint 3'],
    [{ type: 'node.started', node: 'plan', index: 1, handler: 'codergen', attempt: 1 }, undefined],
    [{ type: 'node.completed', node: 'plan', index: 1, status: 'success', durationMs: 1200, notes: 'done' }, '✓ plan  success  1.2s'],
    [{ type: 'node.completed', node: 'plan', index: 1, status: 'partial_success', durationMs: 5 }, '✓ plan  partial_success  5ms'],
    [{ type: 'node.completed', node: 'test', index: 2, status: 'fail', durationMs: 300, failureReason: 'exit code 1' }, '✗ test  fail  300ms  exit code 1'],
    [{ type: 'node.completed', node: 'x', index: 2, status: 'skipped', durationMs: 0 }, '- x  skipped  0ms'],
    [{ type: 'node.retrying', node: 'test', index: 2, attempt: 2, delayMs: 500, error: 'flaky' }, '↻ test  retrying (attempt 2) in 500ms  flaky'],
    [{ type: 'node.failed', node: 'test', index: 2, error: 'flaky', willRetry: true, attempt: 1 }, undefined],
    [{ type: 'edge.selected', from: 'gate', to: 'ship', label: 'Approve', reason: 'preferred_label' }, '  → ship "Approve" (preferred label)'],
    [{ type: 'edge.selected', from: 'a', to: 'b', reason: 'lexical' }, undefined],
    [{ type: 'edge.selected', from: 'a', to: 'b', reason: 'weight' }, undefined],
    [{ type: 'edge.selected', from: 'gate', to: 'fix', reason: 'condition' }, '  → fix (condition)'],
    [{ type: 'edge.selected', from: 'x', to: 'plan', reason: 'retry_target' }, '  → plan (retry target)'],
    [{ type: 'goal_gate.redirect', gate: 'impl', target: 'plan' }, '↺ impl  goal gate not satisfied, back to plan'],
    [{ type: 'loop.restarted', from: 'check', to: 'start', count: 2 }, '↺ check  loop restart 2, from start'],
    [{ type: 'parallel.started', node: 'fan', branchCount: 3, joinPolicy: 'wait_all', maxParallel: 4 }, '⇉ fan  3 branches (wait_all, at most 4 at once)'],
    [{ type: 'parallel.started', node: 'fan', branchCount: 1, joinPolicy: 'wait_all', maxParallel: 4 }, '⇉ fan  1 branch (wait_all, at most 4 at once)'],
    [{ type: 'parallel.branch.started', node: 'fan', branch: 'a', index: 0 }, undefined],
    [{ type: 'parallel.branch.completed', node: 'fan', branch: 'a', index: 0, durationMs: 10, status: 'success', success: true }, undefined],
    [{ type: 'parallel.branch.completed', node: 'fan', branch: 'a', index: 0, durationMs: 10, status: 'fail', success: false }, '✗ branch a  fail  10ms'],
    [{ type: 'parallel.completed', node: 'fan', durationMs: 2000, successCount: 2, failureCount: 1 }, '⇉ fan  2 succeeded, 1 failed  2.0s'],
    [{ type: 'interview.started', node: 'gate', question: 'Ship?', options: [{ key: 'A', label: 'Approve' }] }, undefined],
    [{ type: 'interview.completed', node: 'gate', question: 'Ship?', answer: 'A', durationMs: 5 }, '? gate  Ship? → A'],
    [{ type: 'interview.timeout', node: 'gate', question: 'Ship?', durationMs: 30_000 }, '? gate  no answer after 30.0s: Ship?'],
    [{ type: 'tool.output', node: 't', stream: 'stdout', text: 'hi' }, undefined],
    [{ type: 'checkpoint.saved', node: 't', checkpoint: 2 }, undefined],
    [{ type: 'manager.cycle', node: 'm', cycle: 3, childStatus: 'running' }, '  ⟳ m cycle 3: child running'],
    [{ type: 'agent.turn', node: 'fix', turn: 2, inputTokens: 900, outputTokens: 100, costUsd: 0.0123, toolCalls: [{ name: 'write_file', isError: false, skippedByHook: false }, { name: 'shell', isError: true, skippedByHook: false }] }, '  · fix turn 2: write_file, shell!  1000 tokens  $0.0123'],
    [{ type: 'agent.turn', node: 'fix', turn: 3, inputTokens: 10, outputTokens: 5, costUsd: 0, toolCalls: [] }, '  · fix turn 3: answered  15 tokens'],
    [{ type: 'log', level: 'warn', message: 'careful', node: 'n' }, '! n  careful'],
    // issue 14: one line per workspace event
    [{ type: 'agent.turn', node: 'fix', turn: 1, inputTokens: 1, outputTokens: 1, costUsd: 0, toolCalls: [], commits: { app: 'a'.repeat(40) } }, '  · fix turn 1: answered  2 tokens  app@aaaaaaa'],
    [{ type: 'workspace.opened', resumed: false, repos: { app: { branch: 'orchestra/p/r1', path: '/w/app', sha: 'b'.repeat(40) } } }, '  ⎇ working in app on orchestra/p/r1 at bbbbbbbbbbbb (/w/app)'],
    [{ type: 'workspace.opened', resumed: true, repos: { app: { branch: 'orchestra/p/r1', path: '/w/app', sha: 'b'.repeat(40) } } }, '  ⎇ back in app on orchestra/p/r1 at bbbbbbbbbbbb (/w/app)'],
    [{ type: 'workspace.rescued', repo: 'app', ref: 'refs/orchestra/rescue/r1/1', sha: 'c'.repeat(40) }, '⎇ app  work after the checkpoint kept on refs/orchestra/rescue/r1/1 (cccccccccccc)'],
    [{ type: 'workspace.pushed', repo: 'app', branch: 'orchestra/p/r1', on: 'completion' }, '  ⎇ pushed orchestra/p/r1 of app'],
    [{ type: 'workspace.push_failed', repo: 'app', branch: 'orchestra/p/r1', on: 'checkpoint', error: 'no remote' }, '! app  could not push orchestra/p/r1 (retried at the next push): no remote'],
    [{ type: 'log', level: 'info', message: 'fyi' }, undefined],
    [{ type: 'run.completed', status: 'success', durationMs: 1, artifactCount: 0 }, undefined],
    [{ type: 'run.failed', error: 'x', durationMs: 1 }, undefined],
    [{ type: 'run.interrupted', reason: 'SIGINT' }, undefined],
  ])('%j → %j', (body, expected) => {
    expect(formatEventLine(ev(body), plainPalette, { showQuestions: false })).toBe(expected);
  });

  it('puts lines from inside a parallel branch under their fan-out', () => {
    const event = { ...ev({ type: 'node.completed', node: 'a', index: 3, status: 'success', durationMs: 4 }), inBranch: 'fan/a' };
    expect(formatEventLine(event, plainPalette, { showQuestions: false })).toBe('  │ ✓ a  success  4ms');
  });

  it('shows questions when asked to (attach cannot answer them)', () => {
    const line = formatEventLine(
      ev({ type: 'interview.started', node: 'gate', question: 'Ship?', options: [{ key: 'A', label: 'Approve' }, { key: 'F', label: 'Fix' }] }),
      plainPalette,
      { showQuestions: true },
    );
    expect(line).toBe('? gate  waiting for an answer: Ship? ([A] Approve, [F] Fix)');
  });

  it('issue 10: attach follows a chat a line per turn (escaped, on one line); run leaves it to the prompt', () => {
    const model = ev({ type: 'chat.turn', node: 'ideas', visit: 'r0.v1', attempt: 1, turn: 2, role: 'model', text: 'Idea one\nIdea two \u001b[2J' });
    expect(formatEventLine(model, plainPalette, { showQuestions: true })).toBe('» ideas  model, turn 2:  Idea one Idea two \\x1b[2J');
    const person = ev({ type: 'chat.turn', node: 'ideas', visit: 'r0.v1', attempt: 1, turn: 2, role: 'person', text: '', by: 'ann', end: true });
    expect(formatEventLine(person, plainPalette, { showQuestions: true })).toBe('» ideas  ann:');
    expect(formatEventLine(model, plainPalette, { showQuestions: false })).toBeUndefined();
  });
});
