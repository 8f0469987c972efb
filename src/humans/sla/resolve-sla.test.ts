import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../store/human-task-types.js';
import { resolveSla } from './resolve-sla.js';

const form: FormDefinition = {
  decision: { type: 'select', required: true, options: [{ value: 'approve', label: 'Approve' }, { value: 'reject', label: 'Reject' }] },
  comment: { type: 'text' },
};

describe('resolveSla', () => {
  const good: Array<[string, Parameters<typeof resolveSla>[0], ReturnType<typeof resolveSla>]> = [
    ['an SLA alone', { sla: '30m' }, { slaMs: 1_800_000, chain: [] }],
    ['the first step defaults to the SLA', { sla: '30m', escalation: [{ notify: 'slack' }] }, { slaMs: 1_800_000, chain: [{ afterMs: 1_800_000, notify: ['slack'] }] }],
    [
      'a whole chain, from creation',
      {
        sla: '30m',
        escalation: [
          { after: '30m', notify: ['slack', 'mail'], reassign: 'group:l2', priority: 'high' },
          { after: '45m', remind: { every: '10m' } },
          { after: '2h', answer: { decision: 'reject' } },
        ],
      },
      {
        slaMs: 1_800_000,
        chain: [
          { afterMs: 1_800_000, notify: ['slack', 'mail'], reassign: { kind: 'group', id: 'l2' }, priority: 'high' },
          { afterMs: 2_700_000, remind: { everyMs: 600_000 } },
          { afterMs: 7_200_000, final: { kind: 'answer', answer: { decision: 'reject' } } },
        ],
      },
    ],
    ['remind once, and remind as a duration', { escalation: [{ after: '1m', remind: true }, { after: '2m', remind: '5m' }] }, { chain: [{ afterMs: 60_000, remind: {} }, { afterMs: 120_000, remind: { everyMs: 300_000 } }] }],
    ['expire and cancel end a chain', { escalation: [{ after: '1h', reassign: 'user:ann', expire: true }] }, { chain: [{ afterMs: 3_600_000, reassign: { kind: 'user', id: 'ann' }, final: { kind: 'expire' } }] }],
    ['two steps at the same time', { escalation: [{ after: '1h', notify: 'a' }, { after: '1h', cancel: true }] }, { chain: [{ afterMs: 3_600_000, notify: ['a'] }, { afterMs: 3_600_000, final: { kind: 'cancel' } }] }],
  ];
  it.each(good)('issue 10: resolves %s', (_label, input, expected) => {
    expect(resolveSla(input, form)).toEqual(expected);
  });

  const bad: Array<[string, Parameters<typeof resolveSla>[0], string, string]> = [
    ['an SLA that does not parse', { sla: 'half an hour' }, 'E_DURATION', 'Expected sla to be a duration'],
    ['a step duration that does not parse', { escalation: [{ after: '30 minutes', notify: 'a' }] }, 'E_DURATION', 'Expected escalation[0].after to be a duration'],
    ['a reminder period that does not parse', { escalation: [{ after: '1m', remind: { every: 'often' } }] }, 'E_DURATION', 'escalation[0].remind.every'],
    ['a reminder faster than a second', { escalation: [{ after: '1m', remind: '10ms' }] }, 'E_USAGE', 'escalation[0].remind.every must be at least 1s'],
    ['a first step without after and no SLA', { escalation: [{ notify: 'a' }] }, 'E_USAGE', 'escalation[0].after is missing'],
    ['a later step without after', { sla: '1m', escalation: [{ notify: 'a' }, { notify: 'b' }] }, 'E_USAGE', 'escalation[1].after is missing'],
    ['a step earlier than the one before', { escalation: [{ after: '1h', notify: 'a' }, { after: '30m', notify: 'b' }] }, 'E_USAGE', 'escalation[1].after must not be earlier'],
    ['a step that does nothing', { escalation: [{ after: '1h' }] }, 'E_USAGE', 'escalation[0] does nothing'],
    ['an unknown step field', { escalation: [{ after: '1h', notfy: 'a' }] }, 'E_USAGE', 'escalation[0].notfy is not a step field'],
    ['a bad reassign target', { escalation: [{ after: '1h', reassign: 'support' }] }, 'E_USAGE', 'escalation[0].reassign: expected user:ID or group:ID'],
    ['an unknown priority', { escalation: [{ after: '1h', priority: 'asap' }] }, 'E_USAGE', 'escalation[0].priority must be one of low, normal, high, urgent'],
    ['a final step that is not last', { escalation: [{ after: '1h', expire: true }, { after: '2h', notify: 'a' }] }, 'E_USAGE', 'escalation[0] ends the task'],
    ['two ways to end', { escalation: [{ after: '1h', expire: true, cancel: true }] }, 'E_USAGE', 'may end the task one way only, got expire and cancel'],
    ['a default answer the form refuses', { escalation: [{ after: '1h', answer: { decision: 'maybe' } }] }, 'E_FORM_INVALID', 'escalation[0].answer'],
    ['a step that is not a mapping', { escalation: ['30m'] }, 'E_USAGE', 'escalation[0] must be a mapping'],
    ['an empty channel list', { escalation: [{ after: '1h', notify: [] }] }, 'E_USAGE', 'escalation[0].notify must name a channel'],
  ];
  it.each(bad)('issue 10: refuses %s, naming the field', (_label, input, code, message) => {
    let thrown: unknown;
    try {
      resolveSla(input, form);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code });
    expect(String((thrown as Error).message)).toContain(message);
  });
});
