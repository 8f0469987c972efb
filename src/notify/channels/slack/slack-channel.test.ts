import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startHttpReceiver, type HttpReceiver } from '../../testing/http-receiver.case.js';
import { aNotice, noticeTime } from '../../testing/notice-fixture.case.js';
import { createSlackChannel } from './slack-channel.js';

const context = { deliveryId: 'd-1', now: noticeTime };
let receiver: HttpReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('issue 10: the Slack channel, against a local stand-in for Slack', () => {
  it('issue 10: posts the Block Kit message as JSON to the webhook URL from the environment', async () => {
    receiver = await startHttpReceiver();
    const channel = createSlackChannel({ name: 'slack-ops', type: 'slack', urlEnv: 'SLACK_URL' }, { SLACK_URL: receiver.url('/services/T0/B0/token123') }, 5_000);
    await channel.send(aNotice(), context);
    const [request] = receiver.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/services/T0/B0/token123' });
    expect(request?.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(request?.body ?? '{}') as { text: string; blocks: Array<{ type: string; text?: { text: string }; fields?: Array<{ text: string }> }> };
    expect(payload.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'New task: Approve release 1.4' } });
    expect(payload.blocks[1]?.fields?.map((field) => field.text)).toEqual([
      '*Task*\nht-42',
      '*Priority*\nhigh',
      '*Status*\nopen',
      '*Due*\n2025-03-01 14:35 UTC',
      '*Assignee*\ngroup release-managers',
      '*Created by*\nrun 20250301-ab12 node approve',
    ]);
    expect(payload.blocks[3]?.text?.text).toBe('*Form*\n• Decision (decision): select, required\n• Comment (comment): textarea');
    expect(payload.blocks[4]?.text?.text).toContain('orchestra answer ht-42 decision=…');
    expect(channel.secrets).toEqual([receiver.url('/services/T0/B0/token123')]);
  });

  it.each([
    [404, false],
    [429, true],
    [500, true],
  ])('issue 10: HTTP %i from Slack fails the send, retryable: %s', async (status, retryable) => {
    receiver = await startHttpReceiver();
    receiver.respondWith(status, 'no_service');
    const channel = createSlackChannel({ name: 'slack-ops', type: 'slack', urlEnv: 'SLACK_URL' }, { SLACK_URL: receiver.url('/hook') }, 5_000);
    await expect(channel.send(aNotice(), context)).rejects.toMatchObject({ code: 'E_NOTIFY', retryable, message: `channel "slack-ops": Slack answered HTTP ${status}: no_service` });
    expect(receiver.requests).toHaveLength(1);
  });

  it('issue 10: an unreachable Slack is a retryable failure', async () => {
    const port = await freePort();
    const channel = createSlackChannel({ name: 'slack-ops', type: 'slack', urlEnv: 'SLACK_URL' }, { SLACK_URL: `http://127.0.0.1:${port}/hook` }, 5_000);
    await expect(channel.send(aNotice(), context)).rejects.toMatchObject({ code: 'E_NOTIFY', retryable: true, message: expect.stringMatching(/^channel "slack-ops": Slack could not be reached: .*ECONNREFUSED/) });
  });

  it('issue 10: a missing URL variable names the variable and is not retried', async () => {
    const channel = createSlackChannel({ name: 'slack-ops', type: 'slack', urlEnv: 'SLACK_URL' }, {}, 5_000);
    await expect(channel.send(aNotice(), context)).rejects.toMatchObject({ code: 'E_NOTIFY', retryable: false, message: 'channel "slack-ops": the environment variable SLACK_URL (the Slack incoming-webhook URL) is not set' });
  });
});
