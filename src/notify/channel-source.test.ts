import { describe, expect, it } from 'vitest';
import { defaultNotifications } from '../config/index.js';
import { createChannelSource } from './channel-source.js';
import { aNotice } from './testing/notice-fixture.case.js';

const send = { deliveryId: 'd1', now: 0 };

describe('channel source', () => {
  it("issue 10: a delivery's stored target wins over this process's config; without one the channel is found by name", () => {
    const source = createChannelSource(defaultNotifications(), { HOOK_URL: 'http://127.0.0.1:1/hook', HOOK_SECRET: 'whsec-source-test' });
    const hook = source.channelFor({ channel: 'hook', target: { name: 'hook', type: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' } });
    expect(hook.type).toBe('webhook');
    expect(source.secrets()).toContain('whsec-source-test');
    expect(source.channelFor({ channel: 'inbox' }).type).toBe('inbox');
    expect(() => source.channelFor({ channel: 'hook' })).toThrow('channel "hook" is not configured');
  });

  it('issue 10: a stored target that is not valid fails its delivery for good, naming the field', () => {
    const source = createChannelSource(defaultNotifications(), {});
    expect(() => source.channelFor({ channel: 'hook', target: { name: 'hook', type: 'webhook', urlEnv: 'https://x', secretEnv: 'S' } })).toThrow(
      expect.objectContaining({ retryable: false, message: expect.stringContaining('the stored channel target is not valid: urlEnv') }),
    );
  });

  it("issue 10: a target whose variables this process lacks fails naming the variable, not a value", async () => {
    const source = createChannelSource(defaultNotifications(), {});
    const hook = source.channelFor({ channel: 'hook', target: { name: 'hook', type: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' } });
    await expect(hook.send(aNotice(), send)).rejects.toMatchObject({ retryable: false, message: 'channel "hook": the environment variable HOOK_URL (the webhook URL) is not set' });
  });
});
