import { describe, expect, it } from 'vitest';
import { humanTaskChecks, type HumanTaskFacts } from './doctor-human-task-rules.js';

const now = 10_000_000;
const quiet: HumanTaskFacts = { tenant: 'default', waiting: [], pendingTimers: [], deliveries: { failed: 0, dead: 0, stalePending: 0 } };
const facts = (changes: Partial<HumanTaskFacts>): HumanTaskFacts => ({ ...quiet, ...changes });

describe('issue 10: doctor human-task rules', () => {
  it.each<[string, HumanTaskFacts, Array<[string, string, string]>]>([
    ['nothing waits', quiet, [['human tasks', 'ok', '0 waiting in tenant default, none overdue'], ['SLA timers', 'ok', '0 pending, none late'], ['notifications', 'ok', 'no failed deliveries in tenant default']]],
    [
      'overdue tasks: the oldest named',
      facts({ waiting: [{ id: 'hnew', title: 'New', dueAt: now - 5_000 }, { id: 'hold', title: 'Old', dueAt: now - 3_600_000 }, { id: 'hlater', title: 'Later', dueAt: now + 1 }, { id: 'hnone', title: 'None' }] }),
      [['human tasks', 'info', '4 waiting in tenant default, 2 overdue (the oldest by 1h00m00s: hold "Old")']],
    ],
    ['a timer due just now is not late', facts({ pendingTimers: [{ dueAt: now - 60_000 }] }), [['SLA timers', 'ok', '1 pending, none late']]],
    [
      'a timer long overdue and unclaimed: nothing sweeps',
      facts({ pendingTimers: [{ dueAt: now - 600_000 }, { dueAt: now - 200_000 }, { dueAt: now + 5 }] }),
      [['SLA timers', 'problem', '2 SLA timers are overdue by up to 10m00s: nothing sweeps this store (escalations, reminders and notices do not happen)']],
    ],
    ['a long-overdue timer under a live claim is being fired', facts({ pendingTimers: [{ dueAt: now - 600_000, leaseUntil: now + 1_000 }] }), [['SLA timers', 'ok', '1 pending, none late']]],
    ['notices nobody sends', facts({ deliveries: { failed: 0, dead: 0, stalePending: 3 } }), [['SLA timers', 'problem', '3 notifications wait to be sent for over 2m00s: nothing sweeps this store (escalations, reminders and notices do not happen)']]],
    ['failed deliveries are retried', facts({ deliveries: { failed: 2, dead: 0, stalePending: 0 } }), [['notifications', 'info', 'in tenant default: 0 gave up, 2 failed and will be retried']]],
    ['dead deliveries are a problem', facts({ tenant: 'acme', deliveries: { failed: 1, dead: 4, stalePending: 0 } }), [['notifications', 'problem', 'in tenant acme: 4 gave up, 1 failed and will be retried']]],
  ])('issue 10: %s', (_, given, expected) => {
    const checks = humanTaskChecks(given, now);
    for (const [name, status, detail] of expected) expect(checks.find((check) => check.name === name)).toMatchObject({ status, detail });
  });

  it('issue 10: every line that is not ok says what to do', () => {
    const checks = humanTaskChecks(facts({ waiting: [{ id: 'h', title: 't', dueAt: 0 }], pendingTimers: [{ dueAt: 0 }], deliveries: { failed: 1, dead: 1, stalePending: 0 } }), now);
    expect(checks.filter((check) => check.status !== 'ok').map((check) => check.fix)).toEqual([
      'see them first in orchestra inbox --all (overdue tasks come first)',
      'start the daemon, which sweeps them: orchestra daemon start',
      'see why: orchestra notifications --failed (then check the channel in orchestra.yaml notifications:)',
    ]);
  });
});
