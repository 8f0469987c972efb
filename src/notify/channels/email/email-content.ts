import type { HumanTaskNotice } from '../../notice.js';
import { factsOf, formLines, headlineOf, truncate } from '../../notice-text.js';
import { escapeHtml } from './html-escape.js';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/**
 * The mail for a notice, as plain text and as HTML. The HTML is built here, not from a template,
 * and every task text in it goes through escapeHtml: a title with `<script>` arrives as text.
 */
export function emailContent(notice: HumanTaskNotice): EmailContent {
  const headline = headlineOf(notice);
  const facts = factsOf(notice);
  const form = formLines(notice);
  const description = notice.task.description;
  const text = [
    headline,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    ...(description ? ['', description] : []),
    '',
    form.length > 0 ? 'Form:' : 'Form: no fields, an acknowledgement is enough.',
    ...form.map((line) => `  - ${line}`),
    '',
    `To answer: ${notice.answerHint}`,
    '',
  ].join('\n');
  const html = [
    '<!doctype html>',
    '<html><body style="font-family: sans-serif">',
    `<h2>${escapeHtml(headline)}</h2>`,
    '<table>',
    ...facts.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    '</table>',
    ...(description ? [`<pre style="white-space: pre-wrap; font-family: inherit">${escapeHtml(description)}</pre>`] : []),
    form.length > 0 ? `<h3>Form</h3><ul>${form.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>` : '<p>Form: no fields, an acknowledgement is enough.</p>',
    `<p>To answer: <code>${escapeHtml(notice.answerHint)}</code></p>`,
    '</body></html>',
    '',
  ].join('\n');
  // A subject is one header line: line breaks in a title must not start another header.
  return { subject: truncate(`[Orchestra] ${headline}`.replace(/[\r\n]+/g, ' '), 200), text, html };
}
