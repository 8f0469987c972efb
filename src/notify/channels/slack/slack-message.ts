import type { IncomingWebhookSendArguments } from '@slack/webhook';
import type { HumanTaskNotice } from '../../notice.js';
import { factsOf, formLines, headlineOf, truncate } from '../../notice-text.js';

type Blocks = NonNullable<IncomingWebhookSendArguments['blocks']>;

/**
 * The Block Kit message for a notice: a header, the facts, the description, the form's fields and
 * how to answer. Task text is data: the header and description are plain_text (shown literally),
 * and text inside mrkdwn is escaped so that it cannot mention @channel or forge a link.
 */
export function slackMessage(notice: HumanTaskNotice): { text: string; blocks: Blocks } {
  const headline = headlineOf(notice);
  const blocks: Blocks = [
    { type: 'header', text: { type: 'plain_text', text: truncate(headline, 150) } },
    { type: 'section', fields: factsOf(notice).map(([label, value]) => ({ type: 'mrkdwn', text: `*${label}*\n${truncate(escapeMrkdwn(value), 1_900)}` })) },
  ];
  if (notice.task.description) blocks.push({ type: 'section', text: { type: 'plain_text', text: truncate(notice.task.description, 3_000) } });
  const fields = formLines(notice).map((line) => `• ${escapeMrkdwn(line)}`);
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(`*Form*\n${fields.length > 0 ? fields.join('\n') : 'No fields: an acknowledgement is enough.'}`, 3_000) } });
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*To answer*\n\`${escapeMrkdwn(notice.answerHint).replaceAll('`', "'")}\`` } });
  const mentions = (notice.recipients?.users ?? []).flatMap((user) => (user.slackId && slackIdPattern.test(user.slackId) ? [`<@${user.slackId}>`] : []));
  if (mentions.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mentions.join(' '), 2_000) }] });
  return { text: escapeMrkdwn(`${headline} (priority ${notice.task.priority}). To answer: ${notice.answerHint}`), blocks };
}

// Slack user and workspace-user ids; anything else is not turned into a mention.
const slackIdPattern = /^[UW][A-Z0-9]{2,}$/;

/** Slack's three control characters in mrkdwn (https://docs.slack.dev/messaging/formatting-message-text#escaping). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
