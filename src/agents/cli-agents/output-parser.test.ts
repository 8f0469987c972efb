import { describe, expect, it } from 'vitest';
import { builtInCliProfiles } from './built-in-profiles.js';
import { createOutputParser, reduce } from './output-parser.js';
import type { Reduce } from '../../config/index.js';

describe('reduce', () => {
  it.each<[Reduce, unknown[], unknown]>([
    ['first', ['a', 'b'], 'a'],
    ['last', ['a', 'b'], 'b'],
    ['count', ['a', 'b'], 2],
    ['count', [], 0],
    ['sum', [0.5, '0.25', 1], 1.75],
    ['sum', [], undefined],
    ['join', ['Hel', 'lo'], 'Hello'],
    ['last', [], undefined],
  ])('%s of %j = %j', (kind, values, expected) => {
    expect(reduce({ reduce: kind }, values)).toEqual(expected);
  });
});

describe('createOutputParser', () => {
  it('reads Claude Code stream-json split across chunks, skipping a line that is not JSON', () => {
    const profile = builtInCliProfiles()['claude-code']!;
    const parser = createOutputParser(profile.output);
    const lines = [
      JSON.stringify({ type: 'system', subtype: 'init', session_id: 's-1' }),
      'Warning: something on stdout',
      JSON.stringify({ type: 'assistant', message: { content: [{ type: 'tool_use', name: 'Write' }] }, session_id: 's-1' }),
      JSON.stringify({ type: 'result', is_error: false, num_turns: 2, result: 'All done.', session_id: 's-1', total_cost_usd: 0.19 }),
    ].join('\n');
    for (let at = 0; at < lines.length; at += 7) parser.push(lines.slice(at, at + 7));
    expect(parser.end()).toEqual({
      text: 'All done.', sessionId: 's-1', costUsd: 0.19, turns: 2, toolUses: 1, toolNames: ['Write'], isError: false,
      unparsedLines: 1, firstUnparsedLine: 'Warning: something on stdout',
    });
  });

  it('sums opencode step costs and counts its steps and tool uses', () => {
    const parser = createOutputParser(builtInCliProfiles().opencode!.output);
    const events = [
      { type: 'step_start', sessionID: 'ses_1', part: {} },
      { type: 'tool_use', sessionID: 'ses_1', part: { tool: 'write' } },
      { type: 'step_finish', sessionID: 'ses_1', part: { type: 'step-finish', cost: 0.5 } },
      { type: 'text', sessionID: 'ses_1', part: { text: 'Done.' } },
      { type: 'step_finish', sessionID: 'ses_1', part: { type: 'step-finish', cost: 0.25 } },
    ];
    parser.push(events.map((event) => JSON.stringify(event)).join('\n') + '\n');
    expect(parser.end()).toMatchObject({ text: 'Done.', sessionId: 'ses_1', costUsd: 0.75, turns: 2, toolUses: 1, toolNames: ['write'], isError: undefined, unparsedLines: 0 });
  });

  it('treats an error object at the is_error path as an error', () => {
    const parser = createOutputParser({ format: 'jsonl', fields: { isError: { path: 'error', when: { type: 'error' }, reduce: 'last' } } });
    parser.push('{"type":"error","error":{"name":"APIError"}}');
    expect(parser.end().isError).toBe(true);
  });

  it('takes plain text output whole, trimmed', () => {
    const parser = createOutputParser({ format: 'text' });
    parser.push('  The answer\n');
    parser.push('is 42.\n\n');
    expect(parser.end()).toMatchObject({ text: 'The answer\nis 42.', unparsedLines: 0 });
  });
});
