import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { guidedProject, noModel, workflowName, type GuidedAnswer } from '../support/guided-mcp.js';
import { callOk, connectStdio, startDaemon } from '../support/mcp-clients.js';
import { assertBuilt, runBin } from './helpers/spawn-cli.js';

/*
 * Seed 004's WORKFLOW_DEFINITIONS_DIR and WORKFLOW_DB_PATH as a user sets them, through the built CLI
 * (real processes, the real SQLite store): the definitions come from that folder, not the project's
 * workflows/, and the instances live in that file, not in $ORCHESTRA_HOME/orchestra.db.
 */

const shipped = join(import.meta.dirname, '../../templates/guided/WORK');
let base: string;
let project: string;

beforeAll(() => assertBuilt());
beforeEach(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-guided-env-')));
  project = join(base, 'proj');
  mkdirSync(project);
  cpSync(shipped, join(base, 'definitions/WORK'), { recursive: true });
  mkdirSync(join(base, 'data'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const cli = (env: Record<string, string>, ...argv: string[]) => runBin(argv, { cwd: project, home: join(base, 'home'), env: { AI_SERVICE_ENDPOINT: '', ...env } });

describe('issue 13: seed 004\'s environment variables in `orchestra guided`', () => {
  it('issue 13: WORKFLOW_DEFINITIONS_DIR is where the workflows are; WORKFLOW_DB_PATH is the store every command reads and writes', async () => {
    const dbPath = join(base, 'data/workflows.sqlite');
    const seed = { WORKFLOW_DEFINITIONS_DIR: join(base, 'definitions'), WORKFLOW_DB_PATH: dbPath };

    // The project has no workflows/ folder: without the variable there is nothing to start.
    expect(await cli({}, 'guided', 'start', 'WORK', '--context', '{"goal":"x"}')).toMatchObject({ code: 3, stderr: expect.stringContaining('E_GUIDED_WORKFLOW_NOT_FOUND') });
    expect((await cli(seed, 'guided', 'list')).stdout).toMatch(/^NAME +TITLE +STEPS +VALID\nWORK +Work +5 +valid\n$/);

    const started = await cli(seed, 'guided', 'start', 'WORK', '--context', '{"goal":"Add CSV export"}', '--json');
    expect(started.code, started.stderr).toBe(0);
    const id = (JSON.parse(started.stdout) as { instance_id: string }).instance_id;
    expect(existsSync(dbPath)).toBe(true);
    const advanced = await cli(seed, 'guided', 'advance', id, '--step', 'CLARIFY_GOAL', '--status', 'success', '--json');
    expect(JSON.parse(advanced.stdout)).toMatchObject({ next_step: { name: 'PLAN' } });

    // The instance is in that file: runs and guided instances show it with the variable, not without.
    expect((await cli(seed, 'runs')).stdout).toMatch(new RegExp(`\\n${id} +WORK \\(guided\\) +running +PLAN +`));
    expect(JSON.parse((await cli(seed, 'guided', 'instances', '--json')).stdout)).toMatchObject({ instances: [{ id, currentStep: 'PLAN' }] });
    expect(JSON.parse((await cli({}, 'guided', 'instances', '--json')).stdout)).toEqual({ instances: [], more: false });

    const relative = await cli({ ...seed, WORKFLOW_DB_PATH: 'data/workflows.sqlite' }, 'guided', 'instances');
    expect(relative.code).not.toBe(0);
    expect(relative.stderr).toContain('error[E_CONFIG]: WORKFLOW_DB_PATH is "data/workflows.sqlite", a relative path');
  }, 60_000);

  it('issue 13: the daemon behind the MCP tools keeps its instances in WORKFLOW_DB_PATH too', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'orchestra-guided-db-')));
    const dbPath = join(dir, 'workflows.sqlite');
    const p = guidedProject({ ...noModel, WORKFLOW_DB_PATH: dbPath });
    try {
      await startDaemon(p);
      const mcp = await connectStdio(p);
      let id: string;
      try {
        ({ instance_id: id } = await callOk<GuidedAnswer>(mcp, 'start_workflow', { workflow_name: workflowName, context: { target: 'src/db.ts', goal: 'one store' } }));
      } finally {
        await mcp.close();
      }
      expect(existsSync(dbPath)).toBe(true);
      // A CLI with the same variable reads the daemon's instance from that file; without it, another store.
      const listed = await p.bin(['guided', 'instances', '--json']);
      expect(JSON.parse(listed.stdout), listed.stderr).toMatchObject({ instances: [{ id, workflowName }] });
      const elsewhere = await p.bin(['guided', 'instances', '--json'], { env: { WORKFLOW_DB_PATH: '' } });
      expect(JSON.parse(elsewhere.stdout), elsewhere.stderr).toEqual({ instances: [], more: false });
    } finally {
      await p.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
