import { beforeEach, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import type { FeedEvent } from '../../store/feed.js';
import { eventually } from '../../../test/cli/helpers/spawn-cli.js';
import { requireDist, startFeedWriter } from './testing/feed-processes.js';
import type { SseConnection } from './testing/sse-client.js';
import { useEventsServer } from './testing/use-events-server.js';

const acme = mintTenantScope('acme');
const globex = mintTenantScope('globex');

describe('GET /events over a real server, fed by another process', () => {
  const events = useEventsServer();
  const { connect } = events;

  beforeEach(() => requireDist());

  const received = (connection: SseConnection) => connection.messages.map((m) => JSON.parse(m.data) as FeedEvent);
  const feed = async (scope = acme, filter = {}) => events.store.readFeed(scope, { limit: 1000, filter });

  it('issue 12: subscribers get what another process commits, filtered, in their tenant only, with the SSE id and event name', async () => {
    const all = await connect('');
    const r1 = await connect('?run=r1');
    const workflowsAndTasks = await connect('?workflow=w1&human_task=h1');
    const runsOnly = await connect('?kinds=run');
    const other = await connect('', 'globex');
    await eventually(() => (events.server.mount.waiting() === 5 ? true : undefined), 'five subscribers waiting');
    await startFeedWriter(events.db, 20, 2).done;

    const acmeFeed = await feed();
    expect(acmeFeed).toHaveLength(22);
    await eventually(() => (all.messages.length === 22 ? true : undefined), 'all 22 acme events');
    expect(received(all)).toEqual(acmeFeed);
    expect(all.messages.map((m) => [m.id, m.event])).toEqual(acmeFeed.map((e) => [String(e.id), e.type]));
    await eventually(() => (r1.messages.length === 10 ? true : undefined), 'r1 events');
    expect(received(r1)).toEqual(await feed(acme, { runId: 'r1' }));
    await eventually(() => (workflowsAndTasks.messages.length === 2 ? true : undefined), 'the workflow and human task events');
    expect(received(workflowsAndTasks).map((e) => e.type)).toEqual(['human_task.created', 'workflow.started']);
    await eventually(() => (runsOnly.messages.length === 20 ? true : undefined), 'run events');
    expect(received(runsOnly).every((e) => e.kind === 'run')).toBe(true);
    await eventually(() => (other.messages.length === 1 ? true : undefined), 'the globex event');
    expect(received(other)).toEqual(await feed(globex));
    expect(received(other)[0]?.data).toEqual({ runId: 'g1', seq: 1 });
  });

  it('issue 12: a client that disconnects resumes with Last-Event-ID without loss or duplicates, and leaves nothing behind', async () => {
    const writer = startFeedWriter(events.db, 60, 5);
    const first = await connect('?kinds=run');
    await eventually(() => (first.messages.length >= 10 ? true : undefined), 'ten events before the disconnect');
    first.close();
    await first.ended;
    const lastId = first.messages.at(-1)?.id ?? '';
    await eventually(() => (events.server.mount.waiting() === 0 ? true : undefined), 'the closed stream to stop waiting');
    // Reconnect as EventSource does: the first URL again (with its stale ?after=) plus Last-Event-ID.
    const second = await connect('?kinds=run&after=1', 'acme', { 'Last-Event-ID': lastId });
    await writer.done;
    await eventually(() => (first.messages.length + second.messages.length === 60 ? true : undefined), 'the other events after the reconnect');
    const ids = [...first.messages, ...second.messages].map((m) => Number(m.id));
    expect(ids).toEqual((await feed(acme, { kinds: ['run'] })).map((e) => e.id));
  });

  it('issue 12: an idle stream sends heartbeat comments', async () => {
    const idle = await connect('?run=nothing-here');
    await eventually(() => (idle.heartbeats >= 2 ? true : undefined), 'two heartbeats', 5_000);
    expect(idle.messages).toEqual([]);
  });

  it('issue 12: a bad query is a 400 naming the parameter, before any stream starts', async () => {
    const problem = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${events.server.url}/events${query}`, { headers: { 'x-tenant': 'acme', ...headers } });
      return { status: response.status, body: (await response.json()) as { code: string; detail: string } };
    };
    expect(await problem('?kinds=run,nope')).toMatchObject({ status: 400, body: { code: 'E_USAGE', detail: expect.stringMatching(/^GET \/events: kinds\.1: /) } });
    expect(await problem('?runId=r1')).toMatchObject({ status: 400, body: { detail: expect.stringContaining('runId') } });
    expect(await problem('', { 'Last-Event-ID': 'abc' })).toMatchObject({ status: 400, body: { detail: 'GET /events: Last-Event-ID: expected an event id (digits)' } });
    expect(await problem('?after=-1')).toMatchObject({ status: 400, body: { detail: expect.stringMatching(/^GET \/events: after: /) } });
  });
});
