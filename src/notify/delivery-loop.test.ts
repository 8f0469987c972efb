import { describe, expect, it } from 'vitest';
import type { Clock } from '../core/clock.js';
import { defaultNotifications } from '../config/index.js';
import { createMemoryStore } from '../store/memory/index.js';
import { createChannels } from './create-channels.js';
import { runDeliveryLoop } from './delivery-loop.js';
import { enqueueNotice } from './enqueue.js';
import { aNotice, noticeTime } from './testing/notice-fixture.case.js';

describe('issue 10: runDeliveryLoop', () => {
  it('issue 10: keeps delivering while there is work, waits when idle, and stops on abort', async () => {
    const store = createMemoryStore();
    for (let index = 0; index < 5; index += 1) await enqueueNotice(store, aNotice({}, { id: `ht-${index}` }), [{ events: ['created'], channels: ['inbox'] }]);
    const controller = new AbortController();
    const sleeps: number[] = [];
    // The first idle wait is where the test stops the loop: by then every delivery must be sent.
    const clock: Clock = {
      now: () => noticeTime,
      sleep: (ms, signal) => {
        sleeps.push(ms);
        controller.abort();
        return Promise.reject(signal?.reason);
      },
    };
    await runDeliveryLoop(store, createChannels(defaultNotifications(), {}), clock, { owner: 'loop', limit: 2, pollMs: 1_234, signal: controller.signal });
    expect(sleeps).toEqual([1_234]);
    const deliveries = await store.listDeliveries('default');
    expect(deliveries.map((d) => d.status)).toEqual(Array(5).fill('delivered'));
  });
});
