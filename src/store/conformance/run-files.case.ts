import { describe, expect, it } from 'vitest';
import type { StoreFixture } from './fixtures.case.js';
import { expectStoreError, newRun } from './fixtures.case.js';

export function describeRunFileConformance(fixture: StoreFixture): void {
  describe('run files', () => {
    it('issue 9: stores run-directory files, lists them by path, and a later write to a path replaces it', async () => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await store.createRun(newRun('r2'));
      await store.putRunFiles('r1', [
        { path: 'plan/prompt.md', content: 'Plan it' },
        { path: 'manifest.json', content: '{}\n' },
      ]);
      await store.putRunFiles('r1', [{ path: 'plan/prompt.md', content: 'Plan it again' }]);
      await store.putRunFiles('r2', [{ path: 'x/status.json', content: '{"outcome":"success"}' }]);
      expect(await store.listRunFiles('r1')).toEqual([
        { path: 'manifest.json', content: '{}\n' },
        { path: 'plan/prompt.md', content: 'Plan it again' },
      ]);
      expect(await store.listRunFiles('r2')).toHaveLength(1);
      expect(await store.listRunFiles('ghost')).toEqual([]);
    });

    it.each(['../escape.md', '/etc/passwd', 'a/../../b', 'a//b', ''])('issue 9: refuses the path %j, which would leave the run directory', async (path) => {
      const store = fixture.store();
      await store.createRun(newRun('r1'));
      await expect(store.putRunFiles('r1', [{ path, content: 'x' }])).rejects.toMatchObject({ code: 'E_STORE', message: expect.stringContaining('its path must be relative to the run directory') });
      expect(await store.listRunFiles('r1')).toEqual([]);
    });

    it('issue 9: rejects files of a run that does not exist', async () => {
      const store = fixture.store();
      await expectStoreError(store.putRunFiles('ghost', [{ path: 'a.md', content: 'x' }]), 'E_RUN_NOT_FOUND', 'run "ghost" does not exist in the store');
    });
  });
}
