import { describe, expect, it } from 'vitest';
import { aNotice } from '../../testing/notice-fixture.case.js';
import { escapeMrkdwn, slackMessage } from './slack-message.js';

describe('issue 10: the Slack Block Kit message', () => {
  it('issue 10: has a header, the facts, the description, the form and how to answer', () => {
    const { blocks, text } = slackMessage(aNotice());
    expect(blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'section', 'section', 'context']);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'New task: Approve release 1.4' } });
    expect(JSON.stringify(blocks[1])).toContain('*Due*\\n2025-03-01 14:35 UTC');
    expect(JSON.stringify(blocks[3])).toContain('• Decision (decision): select, required');
    expect(blocks[4]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*To answer*\n`orchestra answer ht-42 decision=…`' } });
    expect(blocks[5]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '<@U024BE7LH>' }] });
    expect(text).toBe('New task: Approve release 1.4 (priority high). To answer: orchestra answer ht-42 decision=…');
  });

  it('issue 10: task text cannot ping @channel, forge links or mention by a made-up id', () => {
    const notice = aNotice({ recipients: { users: [{ id: 'x', name: 'X', slackId: '<!channel>' }] } }, { title: '<!channel> <https://evil.example|click>', createdBy: 'a & b <@U999>' });
    const message = slackMessage(notice);
    // Slack parses mentions and links only in mrkdwn (and the fallback text); plain_text shows them literally.
    const mrkdwn = [message.text, ...JSON.stringify(message.blocks).matchAll(/"type":"mrkdwn","text":"((?:[^"\\]|\\.)*)"/g)].map(String);
    expect(mrkdwn.length).toBeGreaterThan(5);
    expect(mrkdwn.join('\n')).not.toMatch(/<!channel>|<https:|<@U999>/);
    expect(message.text).toContain('&lt;!channel&gt; &lt;https://evil.example|click&gt;');
    expect(JSON.stringify(message.blocks)).toContain('a &amp; b &lt;@U999&gt;');
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'New task: <!channel> <https://evil.example|click>' } });
  });

  it.each([
    ['a < b > c & d', 'a &lt; b &gt; c &amp; d'],
    ['&lt; stays literal', '&amp;lt; stays literal'],
    ['*bold* is harmless', '*bold* is harmless'],
  ])('issue 10: escapes %s', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });
});
