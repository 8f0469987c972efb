import { afterEach, beforeEach, describe } from 'vitest';
import { describeApiTokenConformance } from './conformance/api-tokens.case.js';
import { describeBranchStepConformance } from './conformance/branch-steps.case.js';
import { describeCheckpointConformance } from './conformance/checkpoints.case.js';
import { describeEventConformance } from './conformance/events.case.js';
import { describeFeedConformance } from './conformance/feed.case.js';
import { describeGuidedConformance } from './conformance/guided.case.js';
import type { StoreFixture } from './conformance/fixtures.case.js';
import { describeHumanTaskConformance } from './conformance/human-tasks.case.js';
import { describeLeaseConformance } from './conformance/leases.case.js';
import { describeLifecycleConformance } from './conformance/lifecycle.case.js';
import { describeNodeRecordConformance } from './conformance/node-records.case.js';
import { describeNodeProcessConformance } from './conformance/node-processes.case.js';
import { describeOutboxConformance } from './conformance/outbox.case.js';
import { describeRunConformance } from './conformance/runs.case.js';
import { describeRunFileConformance } from './conformance/run-files.case.js';
import { describeTimerConformance } from './conformance/timers.case.js';
import { describeWorkflowConformance } from './conformance/workflows.case.js';
import { describeWebLoginConformance } from './conformance/web-logins.case.js';
import type { Store } from './store.js';

/**
 * The conformance suite every Store implementation must pass, run from each implementation's
 * test file. `open` must return a fresh, empty store; `cleanup` runs after it is closed.
 */
export function describeStoreConformance(name: string, open: () => Promise<Store>, cleanup?: (store: Store) => Promise<void> | void): void {
  describe(`Store conformance: ${name}`, () => {
    let current: Store | undefined;
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      const store = current;
      current = undefined;
      if (!store) return;
      await store.close();
      await cleanup?.(store);
    });
    const fixture: StoreFixture = {
      store() {
        if (!current) throw new Error('store() is only available inside a test');
        return current;
      },
    };

    describeRunConformance(fixture);
    describeCheckpointConformance(fixture);
    describeEventConformance(fixture);
    describeNodeRecordConformance(fixture);
    describeRunFileConformance(fixture);
    describeLeaseConformance(fixture);
    describeWebLoginConformance(fixture);
    describeLifecycleConformance(fixture);
    describeNodeProcessConformance(fixture);
    describeBranchStepConformance(fixture);
    describeOutboxConformance(fixture);
    describeHumanTaskConformance(fixture);
    describeTimerConformance(fixture);
    describeWorkflowConformance(fixture);
    describeApiTokenConformance(fixture);
    describeFeedConformance(fixture);
    describeGuidedConformance(fixture);
  });
}
