import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DaemonState, type AgentRecord } from './daemon-state.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = (taskId: number, extra: Partial<AgentRecord> = {}): AgentRecord => ({
  projectRoot: '/p',
  taskId,
  marker: `m-${taskId}`,
  profile: 'fake',
  startedAt: '2026-01-01T00:00:00.000Z',
  resumes: 0,
  ...extra,
});

function load(): { state: DaemonState; problems: string[] } {
  const problems: string[] = [];
  return { state: DaemonState.load(dir, (message) => problems.push(message)), problems };
}

describe('issue 8.12: DaemonState keeps each agent in a file of its own', () => {
  it('writes one record per task, and a new state finds them without state.json', async () => {
    const { state } = load();
    await state.addProject('/p');
    await state.putAgent(record(1));
    await state.putAgent(record(2, { pid: 42, startTime: '7' }));
    await state.putAgent(record(1, { pid: 41, startTime: '6' }));
    await state.removeAgent('/p', 2);
    expect(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'))).toEqual({ projects: ['/p'] });
    rmSync(join(dir, 'state.json'));
    const again = load();
    expect(again.problems).toEqual([]);
    expect(again.state.agents).toEqual([record(1, { pid: 41, startTime: '6' })]);
    expect(again.state.projects).toEqual([]);
  });

  it('reports a damaged record, moves it aside and keeps the others', async () => {
    await load().state.putAgent(record(1));
    await load().state.putAgent(record(2));
    const agentsDir = join(dir, 'agents');
    const [first] = readdirSync(agentsDir).sort();
    writeFileSync(join(agentsDir, first!), '{"taskId": ');
    const { state, problems } = load();
    expect(state.agents).toHaveLength(1);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`ignoring unreadable agent record ${join(agentsDir, first!)}`);
    expect(existsSync(join(agentsDir, `${first!}.corrupt`))).toBe(true);
  });

  it('reports a damaged state.json and still has every agent record', async () => {
    await load().state.putAgent(record(3));
    writeFileSync(join(dir, 'state.json'), 'garbage');
    const { state, problems } = load();
    expect(state.agents.map((agent) => agent.taskId)).toEqual([3]);
    expect(problems[0]).toContain('ignoring unreadable daemon state');
    expect(problems[0]).toContain('Its agents keep their own records');
  });

  it('adopts the agents an older daemon kept in state.json', () => {
    mkdirSync(dir, { recursive: true });
    const { marker: _none, ...legacy } = record(4, { pid: 9, startTime: '1' });
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ projects: ['/p'], agents: [legacy] }));
    const { state } = load();
    expect(state.projects).toEqual(['/p']);
    expect(state.agents).toEqual([legacy]);
  });
});
