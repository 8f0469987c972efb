import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../../src/cli/testing/run-cli.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

/* A human gate with a default, run with its stdin closed at once (runBin ends it): nobody can answer. */
const pipeline = `digraph Gated {
  goal="ship {{ evil }} it"
  start [shape=Mdiamond]
  exit [shape=Msquare]
  work [shape=box, prompt="do"]
  gate [shape=hexagon, label="Ship $goal for $who?", human.default_choice="Approve"]
  start -> work -> gate
  gate -> exit [label="[A] Approve"]
  gate -> work [label="[R] Reject"]
}
`;

let ws: Workspace;
beforeAll(() => {
  assertBuilt();
  ws = createWorkspace('orchestra-gates-');
  ws.write('gate.dot', pipeline);
});
afterAll(() => ws.remove());

describe('issue 9: human gates as users meet them', () => {
  it('issue 9: a gate whose input ends takes human.default_choice, shows its question expanded literally, and records prompt.md and response.md', async () => {
    const logs = join(ws.dir, 'run1');
    const run = await runBin(['run', 'gate.dot', '--simulate', '--logs', logs, 'who={{ x }}'], { cwd: ws.dir, home: ws.home });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[?] Ship ship {{ evil }} it for {{ x }}?');
    expect(run.stdout).toContain('Input ended; taking the default: Approve.');
    expect(run.stdout).toMatch(/Run \w+ completed/);
    expect(readFileSync(join(logs, 'gate', 'prompt.md'), 'utf8')).toBe('Ship ship {{ evil }} it for {{ x }}?\n\n- [A] Approve\n- [R] Reject\n');
    expect(readFileSync(join(logs, 'gate', 'response.md'), 'utf8')).toBe('[A] Approve\n');
  });

  it('issue 9: manifest.json names the pipeline and gives an ISO start_time', async () => {
    const logs = join(ws.dir, 'run2');
    const run = await runBin(['run', 'gate.dot', '--simulate', '--auto-approve', '--logs', logs], { cwd: ws.dir, home: ws.home });
    expect(run.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(logs, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'Gated', goal: 'ship {{ evil }} it' });
    expect(manifest['start_time']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(manifest['start_time']).toBe(new Date(manifest['started_at'] as number).toISOString());
  });
});
