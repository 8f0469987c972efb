import { describe, expect, it } from 'vitest';
import { formatLocation } from '../core/index.js';
import { parseConfig } from './parse-config.js';
import { configErrorOf } from './testing/config-error-of.js';

const file = '/project/orchestra.yaml';

const errorOf = (text: string) => configErrorOf(text, file);

const slack = 'notifications:\n  channels:\n    ops:\n      type: slack\n      url_env: SLACK_URL\n';

describe('issue 10: the notifications section of orchestra.yaml', () => {
  it.each([
    ['unknown channel type', 'notifications:\n  channels:\n    ops:\n      type: teams\n', '4:13', 'notifications.channels.ops.type: "teams" is not allowed. Allowed: slack, email, webhook, inbox.'],
    ['close channel type', 'notifications:\n  channels:\n    ops:\n      type: slak\n', '4:13', 'notifications.channels.ops.type: "slak" is not allowed. Did you mean "slack"? Allowed: slack, email, webhook, inbox.'],
    ['no channel type', 'notifications:\n  channels:\n    ops:\n      url_env: X\n', '3:5', 'notifications.channels.ops.type: missing; it is required (one of slack, email, webhook, inbox).'],
    ['slack without url_env', 'notifications:\n  channels:\n    ops:\n      type: slack\n', '3:5', 'notifications.channels.ops.url_env: missing; it is required (a string).'],
    ['a secret written in the file', 'notifications:\n  channels:\n    ops:\n      type: slack\n      url_env: X\n      url: https://hooks.slack.com/services/T/B/x\n', '6:7', 'notifications.channels.ops.url: unknown key. Allowed here: type, url_env.'],
    ['bad env name', 'notifications:\n  channels:\n    hook:\n      type: webhook\n      url_env: my-url\n      secret_env: S\n', '5:16', 'notifications.channels.hook.url_env: "my-url" must be an environment variable name (letters, digits, _).'],
    ['webhook without secret_env', 'notifications:\n  channels:\n    hook:\n      type: webhook\n      url_env: HOOK_URL\n', '3:5', 'notifications.channels.hook.secret_env: missing; it is required (a string).'],
    ['bad from address', 'notifications:\n  channels:\n    mail:\n      type: email\n      host: smtp\n      from: nope\n', '6:13', 'notifications.channels.mail.from: "nope" must be an e-mail address (name@example.com or "Name <name@example.com>").'],
    ['bad port', 'notifications:\n  channels:\n    mail:\n      type: email\n      host: smtp\n      port: 70000\n      from: a@b.c\n', '6:13', 'notifications.channels.mail.port: 70000 Too big: expected number to be <=65535.'],
    ['login half given', 'notifications:\n  channels:\n    mail:\n      type: email\n      host: smtp\n      from: a@b.c\n      user_env: SMTP_USER\n', '3:5', 'notifications.channels.mail: SMTP login needs both user_env and password_env; password_env is missing.'],
    ['unknown event', 'notifications:\n  route:\n    - events: [created, escalatd]\n      channels: [inbox]\n', '3:25', 'notifications.route[0].events[1]: "escalatd" is not allowed. Did you mean "escalated"? Allowed: created, assigned, escalated, due_soon, completed, cancelled.'],
    ['route without events', 'notifications:\n  route:\n    - events: []\n      channels: [inbox]\n', '3:15', 'notifications.route[0].events: a list must list at least one event.'],
    ['unknown route channel', `${slack}  route:\n    - events: [created]\n      channels: [inbox, opz]\n`, '8:25', 'notifications.route[0].channels[1]: unknown channel "opz". Did you mean "ops"? Known: inbox, ops.'],
    ['bad due_soon', 'notifications:\n  due_soon: soon\n', '2:13', 'notifications.due_soon: "soon" must be a share of the SLA such as 80% (1% to 99%) or a lead time before the due time such as 5m.'],
    ['due_soon of 100%', 'notifications:\n  due_soon: 100%\n', '2:13', 'notifications.due_soon: "100%" must be a share of the SLA such as 80% (1% to 99%) or a lead time before the due time such as 5m.'],
    ['misspelled section key', 'notifications:\n  routes: []\n', '2:3', 'notifications.routes: unknown key. Did you mean "route"? Allowed here: channels, route, due_soon.'],
  ])('issue 10: %s', (_name, text, position, message) => {
    const error = errorOf(text);
    expect(error.code).toBe('E_CONFIG');
    expect(error.message).toBe(message);
    expect(formatLocation(error.location!)).toBe(`${file}:${position}`);
  });

  it('issue 10: resolves channels with their defaults and keeps the built-in inbox', () => {
    const text = `${slack}    mail:\n      type: email\n      host: smtp.example.com\n      secure: true\n      from: Orchestra <orchestra@example.com>\n      user_env: SMTP_USER\n      password_env: SMTP_PASSWORD\n    hook:\n      type: webhook\n      url_env: HOOK_URL\n      secret_env: HOOK_SECRET\n  route:\n    - events: [created, escalated, created]\n      groups: [ops]\n      channels: [ops, mail]\n    - events: [completed]\n      channels: [hook]\n`;
    expect(parseConfig(text, file, {}, () => false).notifications).toEqual({
      channels: {
        inbox: { name: 'inbox', type: 'inbox' },
        ops: { name: 'ops', type: 'slack', urlEnv: 'SLACK_URL' },
        mail: { name: 'mail', type: 'email', host: 'smtp.example.com', port: 465, secure: true, from: 'Orchestra <orchestra@example.com>', to: [], userEnv: 'SMTP_USER', passwordEnv: 'SMTP_PASSWORD' },
        hook: { name: 'hook', type: 'webhook', urlEnv: 'HOOK_URL', secretEnv: 'HOOK_SECRET' },
      },
      routes: [
        { events: ['created', 'escalated'], groups: ['ops'], channels: ['ops', 'mail'] },
        { events: ['completed'], channels: ['hook'] },
      ],
      dueSoon: { fraction: 0.8 },
    });
  });

  it('issue 10: without a notifications section only the inbox exists and nothing is routed', () => {
    expect(parseConfig('backend: simulation\n', file, {}, () => false).notifications).toEqual({ channels: { inbox: { name: 'inbox', type: 'inbox' } }, routes: [], dueSoon: { fraction: 0.8 } });
  });

  it('issue 10: routes cancelled, accepts `due soon` for due_soon, and reads due_soon as a share or a lead', () => {
    const text = (dueSoon: string) => `notifications:\n  due_soon: ${dueSoon}\n  route:\n    - events: [cancelled, due soon]\n      channels: [inbox]\n`;
    expect(parseConfig(text('90%'), file, {}, () => false).notifications).toMatchObject({ routes: [{ events: ['cancelled', 'due_soon'], channels: ['inbox'] }], dueSoon: { fraction: 0.9 } });
    expect(parseConfig(text('5m'), file, {}, () => false).notifications.dueSoon).toEqual({ beforeMs: 300_000 });
  });
});
