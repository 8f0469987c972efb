import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnInPty } from '../support/pty-driver.js';
import { assertBuilt, binPath, runBin } from './helpers/spawn-cli.js';

const shipped = join(import.meta.dirname, '../../templates/guided');
let base: string;
let home: string;
const bin = (cwd: string, ...argv: string[]) => runBin(argv, { cwd, home });

beforeAll(() => assertBuilt());
beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-init-guided-')));
  home = join(base, 'home');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('issue 13: orchestra init --guided', () => {
  it('copies the chosen workflows into workflows/NAME/ as shipped', async () => {
    const result = await bin(base, 'init', 'proj', '--guided=work,SAVE');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('  created   workflows/WORK/ (6 files)\n  created   workflows/SAVE/ (5 files)\n');
    expect(result.stdout).toContain('orchestra guided list');
    expect(readdirSync(join(base, 'proj/workflows')).sort()).toEqual(['SAVE', 'WORK', 'customer-support.ts']);
    for (const file of ['index.md', 'steps/CLARIFY_GOAL.md', 'steps/VERIFY.md']) {
      expect(readFileSync(join(base, 'proj/workflows/WORK', file), 'utf8')).toBe(readFileSync(join(shipped, 'WORK', file), 'utf8'));
    }
  });

  it('never overwrites: an edited step is kept and named, the missing files are added', async () => {
    await bin(base, 'init', 'proj', '--guided=WORK');
    const plan = join(base, 'proj/workflows/WORK/steps/PLAN.md');
    writeFileSync(plan, '# mine\n');
    rmSync(join(base, 'proj/workflows/WORK/steps/VERIFY.md'));
    const again = await bin(join(base, 'proj'), 'init', '--guided');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('  skipped   workflows/WORK/steps/PLAN.md (exists: left as it is)\n');
    expect(again.stdout).toContain('  created   workflows/WORK/steps/VERIFY.md\n');
    expect(again.stdout).toContain('  created   workflows/REFACTOR_WITH_TESTS/ (7 files)\n');
    expect(readFileSync(plan, 'utf8')).toBe('# mine\n');

    const json = JSON.parse((await bin(join(base, 'proj'), 'init', '--guided=SAVE', '--json')).stdout) as { files: { path: string; outcome: string }[] };
    expect(json.files.filter((file) => file.path.startsWith('workflows/SAVE/'))).toEqual([
      { path: 'workflows/SAVE/index.md', outcome: 'skipped' },
      ...['COLLECT_STATE', 'COMMIT_WIP', 'CONFIRM_SAVED', 'WRITE_PROGRESS'].map((step) => ({ path: `workflows/SAVE/steps/${step}.md`, outcome: 'skipped' })),
    ]);
  });

  it('an unknown name is refused before anything is written', async () => {
    const result = await bin(base, 'init', 'proj', '--guided=WORK,NOPE');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--guided names "NOPE", which is not a shipped guided workflow');
    expect(result.stderr).toContain('REFACTOR_WITH_TESTS, RESUME, SAVE, SPRINT_TASK, WORK');
    expect(existsSync(join(base, 'proj'))).toBe(false);
  });

  it('without a terminal and without --guided, nothing is asked and none is added', async () => {
    const result = await bin(base, 'init', 'proj');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Guided workflows');
    expect(readdirSync(join(base, 'proj/workflows'))).toEqual(['customer-support.ts']);
    expect((await bin(base, 'init', 'proj', '--no-guided')).code).toBe(0);
    expect(readdirSync(join(base, 'proj/workflows'))).toEqual(['customer-support.ts']);
  });

  it('at a terminal, init offers the five and adds the ones a person picks', async () => {
    // A person's terminal: no CI, no coding agent's variables (the tests may run inside one).
    const env: Record<string, string | undefined> = { ...process.env, ORCHESTRA_HOME: home, CI: '', NO_COLOR: '1' };
    for (const name of ['CLAUDECODE', 'CLAUDE_CODE_ENTRYPOINT', 'CURSOR_AGENT', 'GEMINI_CLI', 'CODEX_SANDBOX', 'OPENCODE', 'AIDER_MODEL', 'AI_AGENT']) delete env[name];
    const terminal = spawnInPty(process.execPath, [binPath, 'init', 'proj'], { cwd: base, env });
    try {
      const offered = await terminal.waitFor('Enter for none) ');
      for (const [index, name] of ['REFACTOR_WITH_TESTS', 'RESUME', 'SAVE', 'SPRINT_TASK', 'WORK'].entries()) expect(offered).toContain(`${index + 1}. ${name} — `);
      terminal.write('1, sprint_task\r');
      expect((await terminal.exited).exitCode).toBe(0);
    } finally {
      terminal.kill();
    }
    expect(terminal.output()).toContain('created   workflows/REFACTOR_WITH_TESTS/');
    expect(readdirSync(join(base, 'proj/workflows')).sort()).toEqual(['REFACTOR_WITH_TESTS', 'SPRINT_TASK', 'customer-support.ts']);
    expect(readFileSync(join(base, 'proj/workflows/SPRINT_TASK/steps/HUMAN_REVIEW.md'), 'utf8')).toBe(readFileSync(join(shipped, 'SPRINT_TASK/steps/HUMAN_REVIEW.md'), 'utf8'));
  }, 30_000);
});
