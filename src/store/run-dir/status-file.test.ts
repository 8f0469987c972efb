import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/outcome.js';
import { clearStatusFile, parseStatusFile, readStatusFile, toStatusFile, writeStatus } from './status-file.js';

const file = '/runs/r1/plan/status.json';

describe('status.json', () => {
  it.each<[string, object, Outcome]>([
    ['the Appendix C shape', { outcome: 'success', preferred_label: 'Approve', suggested_next_ids: ['a'], context_updates: { 'nested.key': 'v' }, notes: 'n' },
      { status: 'success', preferredLabel: 'Approve', suggestedNextIds: ['a'], contextUpdates: { 'nested.key': 'v' }, notes: 'n' }],
    ['"status" instead of "outcome"', { status: 'fail', failure_reason: 'tests fail' }, { status: 'fail', failureReason: 'tests fail' }],
    ['upper-case values', { outcome: 'PARTIAL_SUCCESS' }, { status: 'partial_success' }],
    ['the same value under both keys', { outcome: 'retry', status: 'RETRY' }, { status: 'retry' }],
    ['preferred_label over the old key', { outcome: 'success', preferred_label: 'New', preferred_next_label: 'Old' }, { status: 'success', preferredLabel: 'New' }],
    ['nulls and unknown keys', { outcome: 'skipped', notes: null, extra: 1 }, { status: 'skipped' }],
  ])('decision 18: reads %s', (_label, json, expected) => {
    expect(parseStatusFile(JSON.stringify(json), file)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['an array', '[]', `status file ${file} has an invalid value: Invalid input: expected object, received array`],
    ['no status', '{"notes": "done"}', `status file ${file} has neither "outcome" nor "status"`],
    ['an unknown status', '{"outcome": "done"}', `status file ${file} has "outcome": "done", expected one of success, partial_success, retry, fail, skipped`],
    ['a numeric status', '{"status": 1}', `status file ${file} has an invalid "status" value: Invalid input: expected string, received number`],
    ['conflicting keys', '{"outcome": "success", "status": "fail"}', `status file ${file} has "outcome": "success" but "status": "fail"; keep one of them`],
    ['bad next ids', '{"outcome": "success", "suggested_next_ids": "a"}', `status file ${file} has an invalid "suggested_next_ids" value: Invalid input: expected array, received string`],
    ['bad context updates', '{"outcome": "success", "context_updates": [1]}', `status file ${file} has an invalid "context_updates" value: Invalid input: expected record, received array`],
  ])('decision 18: a file with %s fails naming the file', (_label, text, message) => {
    expect(() => parseStatusFile(text, file)).toThrow(expect.objectContaining({ code: 'E_FILE_READ', message }));
  });

  it('decision 18: a file that is not JSON fails naming the file and the parse error', () => {
    expect(() => parseStatusFile('{outcome: success}', file)).toThrow(
      expect.objectContaining({ code: 'E_FILE_READ', message: expect.stringMatching(/^status file \/runs\/r1\/plan\/status.json is not valid JSON \(.+\)$/) }),
    );
  });

  it('decision 15: reads the old key preferred_next_label as preferred_label', () => {
    expect(parseStatusFile('{"outcome": "success", "preferred_next_label": "Fix"}', file)).toEqual({ status: 'success', preferredLabel: 'Fix' });
  });

  it('writes the Appendix C keys and nothing undefined', () => {
    expect(toStatusFile({ status: 'fail', failureReason: 'x', notes: undefined, preferredLabel: 'Retry' })).toEqual({ outcome: 'fail', failure_reason: 'x', preferred_label: 'Retry' });
  });

  describe('on disk', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'orchestra-status-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reads back what it wrote', async () => {
      const outcome: Outcome = { status: 'success', preferredLabel: 'Ship', suggestedNextIds: ['deploy'], contextUpdates: { n: 1 }, notes: 'ok', failureReason: 'none' };
      await writeStatus(dir, outcome);
      expect(JSON.parse(await readFile(join(dir, 'status.json'), 'utf8'))).toEqual(toStatusFile(outcome));
      expect(await readStatusFile(dir)).toEqual(outcome);
    });

    it('clears a status file left by an earlier attempt', async () => {
      await writeStatus(dir, { status: 'fail' });
      await clearStatusFile(dir);
      await clearStatusFile(dir);
      expect(await readStatusFile(dir)).toBeUndefined();
    });

    it('returns undefined when the agent wrote no status file', async () => {
      expect(await readStatusFile(dir)).toBeUndefined();
      expect(await readStatusFile(join(dir, 'missing-stage'))).toBeUndefined();
    });

    it('names the file when it cannot be read', async () => {
      await mkdir(join(dir, 'status.json'));
      await expect(readStatusFile(dir)).rejects.toMatchObject({ code: 'E_FILE_READ', message: `cannot read ${join(dir, 'status.json')}: EISDIR: illegal operation on a directory, read` });
    });

    it('fails on a malformed file an agent wrote', async () => {
      await writeFile(join(dir, 'status.json'), '{"outcome": "maybe"}');
      await expect(readStatusFile(dir)).rejects.toMatchObject({
        code: 'E_FILE_READ',
        message: `status file ${join(dir, 'status.json')} has "outcome": "maybe", expected one of success, partial_success, retry, fail, skipped`,
      });
    });
  });
});
