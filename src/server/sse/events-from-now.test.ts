import { beforeEach, describe, expect, it } from 'vitest';
import { mintTenantScope } from '../../core/tenant-scope.js';
import type { FeedEvent } from '../../store/feed.js';
import { eventually } from '../../../test/cli/helpers/spawn-cli.js';
import type { SseConnection } from './testing/sse-client.js';
import { useEventsServer } from './testing/use-events-server.js';

// `GET /events?after=now` (issue 15): a page that has just read its lists follows what happens next,
// without the whole history first, and a reconnect before any event loses nothing.

const acme = mintTenantScope('acme');
const run = (id: string, tenant: string) => ({ id, tenant, pipeline: 'p', file: '/p.dot', source: 'digraph p {}', goal: '', logsRoot: `/tmp/${id}`, variables: {}, options: {}, startedAt: 1 });
const log = (message: string) => ({ type: 'log' as const, level: 'info' as const, message, at: 1 });

describe('GET /events?after=now over a real server', () => {
  const fixture = useEventsServer();
  const connect = (query: string, headers: Record<string, string> = {}) => fixture.connect(query, 'acme', headers);

  beforeEach(async () => {
    const { store } = fixture;
    await store.createRun(run('r1', 'acme'));
    await store.createRun(run('g1', 'globex'));
    // History the stream must not replay: 30 events of acme, then one of globex (a later id).
    await store.appendEvents('r1', Array.from({ length: 30 }, (_, i) => log(`old ${i}`)));
    await store.appendEvents('g1', [log('globex')]);
  });

  const events = (connection: SseConnection) => connection.messages.filter((m) => m.event !== 'feed.ready').map((m) => JSON.parse(m.data) as FeedEvent);
  const write = async (...messages: string[]) => fixture.store.appendEvents('r1', messages.map(log));

  it('issue 15: after=now sends first a feed.ready message carrying the newest event id of the tenant, then only new events', async () => {
    const head = (await fixture.store.readFeed(acme, { limit: 100 })).at(-1)?.id;
    const stream = await connect('?after=now&kinds=run');
    await eventually(() => (stream.messages.length > 0 ? true : undefined), 'the ready message');
    expect(stream.messages[0]).toEqual({ id: String(head), event: 'feed.ready', data: JSON.stringify({ after: head }) });
    await write('new 1', 'new 2');
    await eventually(() => (events(stream).length === 2 ? true : undefined), 'the two new events');
    expect(events(stream).map((e) => e.data.seq)).toEqual([31, 32]);
    expect(stream.messages.filter((m) => m.event === 'feed.ready')).toHaveLength(1);
    expect(stream.messages.slice(1).map((m) => m.id)).toEqual(events(stream).map((e) => String(e.id)));
  });

  it('issue 15: a stream from now that waits gets no old event, where one without after gets all of them', async () => {
    const fromNow = await connect('?after=now');
    const fromOldest = await connect('');
    await eventually(() => (fixture.server.mount.waiting() === 2 ? true : undefined), 'both streams waiting');
    expect(fromNow.messages.map((m) => m.event)).toEqual(['feed.ready']);
    expect(events(fromOldest)).toHaveLength(30);
  });

  it('issue 15: an EventSource reconnecting with the ready message id (its URL still saying after=now) resumes exactly there', async () => {
    const first = await connect('?after=now');
    await eventually(() => (first.messages.length === 1 ? true : undefined), 'the ready message');
    first.close();
    await first.ended;
    await eventually(() => (fixture.server.mount.waiting() === 0 ? true : undefined), 'the closed stream to stop waiting');
    // Committed while no stream was open: a reconnect at a new "now" would miss them.
    await write('missed 1', 'missed 2', 'missed 3');
    const again = await connect('?after=now', { 'Last-Event-ID': first.messages[0]?.id ?? '' });
    await write('later');
    await eventually(() => (events(again).length === 4 ? true : undefined), 'the three missed events and the later one');
    expect(events(again).map((e) => e.data.seq)).toEqual([31, 32, 33, 34]);
    expect(again.messages.map((m) => m.event)).not.toContain('feed.ready');
  });

  it('issue 15: a bad after is a 400 E_USAGE naming the parameter; Last-Event-ID takes only an id', async () => {
    const problem = async (query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${fixture.server.url}/events${query}`, { headers: { 'x-tenant': 'acme', ...headers } });
      return { status: response.status, body: (await response.json()) as { code: string; detail: string } };
    };
    expect(await problem('?after=later')).toEqual({ status: 400, body: { code: 'E_USAGE', detail: 'GET /events: after: expected an event id (digits) or "now"' } });
    expect(await problem('?after=NOW')).toMatchObject({ status: 400, body: { code: 'E_USAGE', detail: expect.stringMatching(/^GET \/events: after: /) } });
    expect(await problem('?after=now', { 'Last-Event-ID': 'now' })).toEqual({ status: 400, body: { code: 'E_USAGE', detail: 'GET /events: Last-Event-ID: expected an event id (digits)' } });
  });
});
