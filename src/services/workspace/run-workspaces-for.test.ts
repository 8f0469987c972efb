import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/parse-config.js';
import { cleanupTemp, createTempRepo, makeTempDir } from '../../workspace/testing/temp-repo.js';
import { runWorkspacesFor } from './run-workspaces-for.js';

afterEach(cleanupTemp);

describe('issue 14: the run workspaces a project config makes', () => {
  it.each([
    ['on_conflict: agent', '  on_conflict: agent\n', 'agent'],
    ['no on_conflict', '', 'fail'],
  ])('carry %s to every workspace, a parallel branch’s too (the fan-in reads it there)', async (_name, line, expected) => {
    const repo = await createTempRepo();
    const home = await makeTempDir('orchestra-home-');
    const config = parseConfig(`workspace:\n${line}  repos:\n    app: { path: ${JSON.stringify(repo.root)} }\n`, join(home, 'orchestra.yaml'), {}, () => false);
    const workspaces = await runWorkspacesFor(config, { home, env: {} });
    const session = await workspaces!.create({ runId: 'r1', pipeline: 'p' });
    expect([session.onConflict, (await session.branch('fan', 0)).onConflict]).toEqual([expected, expected]);
  });
});
