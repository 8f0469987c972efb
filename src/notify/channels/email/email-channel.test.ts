import { afterEach, describe, expect, it } from 'vitest';
import type { EmailChannelConfig } from '../../../config/notifications-types.js';
import { headerOf, textParts } from '../../testing/mime-parts.case.js';
import { aNotice, noticeTime } from '../../testing/notice-fixture.case.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../testing/smtp-receiver.case.js';
import { freePort } from '../../testing/http-receiver.case.js';
import { createEmailChannel } from './email-channel.js';

const context = { deliveryId: 'd-1', now: noticeTime };
let smtp: SmtpReceiver | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

function mailConfig(port: number, overrides: Partial<EmailChannelConfig> = {}): EmailChannelConfig {
  return { name: 'mail', type: 'email', host: '127.0.0.1', port, secure: false, from: 'Orchestra <orchestra@example.com>', to: ['release@example.com'], ...overrides };
}

describe('issue 10: the e-mail channel, against a local SMTP server', () => {
  it('issue 10: mails the task people and the channel list a plain text and an HTML part', async () => {
    smtp = await startSmtpReceiver();
    await createEmailChannel(mailConfig(smtp.port), {}, 5_000).send(aNotice(), context);
    const [mail] = await smtp.waitForMails(1);
    expect(mail?.from).toBe('orchestra@example.com');
    expect(mail?.to).toEqual(['ana@example.com', 'release@example.com']);
    expect(headerOf(mail?.raw ?? '', 'subject')).toBe('[Orchestra] New task: Approve release 1.4');
    const parts = textParts(mail?.raw ?? '');
    expect(parts.map((part) => part.contentType.split(';')[0])).toEqual(['text/plain', 'text/html']);
    const [text, html] = parts.map((part) => part.body.replace(/\r\n/g, '\n'));
    expect(text).toContain('New task: Approve release 1.4\n\nTask: ht-42\nPriority: high\nStatus: open\nDue: 2025-03-01 14:35 UTC\nAssignee: group release-managers');
    expect(text).toContain('Form:\n  - Decision (decision): select, required\n  - Comment (comment): textarea\n\nTo answer: orchestra answer ht-42 decision=…');
    expect(html).toContain('<h2>New task: Approve release 1.4</h2>');
    expect(html).toContain('<li>Decision (decision): select, required</li>');
    expect(html).toContain('<code>orchestra answer ht-42 decision=…</code>');
  });

  it('issue 10: task text arrives escaped in the HTML part: a <script> title is text, not markup', async () => {
    smtp = await startSmtpReceiver();
    const notice = aNotice({}, { title: '<script>alert("x")</script> & more', description: '<img src=x onerror=alert(1)>' });
    await createEmailChannel(mailConfig(smtp.port), {}, 5_000).send(notice, context);
    const [mail] = await smtp.waitForMails(1);
    const [text, html] = textParts(mail?.raw ?? '').map((part) => part.body);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('<h2>New task: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</h2>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).toContain('New task: <script>alert("x")</script> & more');
  });

  it('issue 10: a line break in a title cannot add a mail header', async () => {
    smtp = await startSmtpReceiver();
    await createEmailChannel(mailConfig(smtp.port), {}, 5_000).send(aNotice({}, { title: 'Hi\r\nBcc: victim@example.com' }), context);
    const [mail] = await smtp.waitForMails(1);
    expect(mail?.to).toEqual(['ana@example.com', 'release@example.com']);
    expect(headerOf(mail?.raw ?? '', 'bcc')).toBeUndefined();
    expect(headerOf(mail?.raw ?? '', 'subject')).toBe('[Orchestra] New task: Hi Bcc: victim@example.com');
  });

  it('issue 10: an unreachable SMTP server is a retryable failure', async () => {
    const port = await freePort();
    await expect(createEmailChannel(mailConfig(port), {}, 5_000).send(aNotice(), context)).rejects.toMatchObject({
      code: 'E_NOTIFY',
      retryable: true,
      message: expect.stringMatching(new RegExp(`^channel "mail": SMTP 127.0.0.1:${port} failed: .*ECONNREFUSED`)),
    });
  });

  it('issue 10: nobody to mail is a failure no retry fixes', async () => {
    smtp = await startSmtpReceiver();
    const channel = createEmailChannel(mailConfig(smtp.port, { to: [] }), {}, 5_000);
    await expect(channel.send(aNotice({ recipients: { users: [{ id: 'bo', name: 'Bo' }] } }), context)).rejects.toMatchObject({ retryable: false, message: expect.stringContaining('nobody to mail') });
    expect(smtp.mails).toEqual([]);
  });
});
