import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastVisitNumber, StageVisits } from './stage-visits.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'orchestra-visits-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const settled = async () => {};
const writeVisit = (stage: string, text: string) => {
  mkdirSync(stage, { recursive: true });
  writeFileSync(join(stage, 'prompt.md'), text);
};

describe('issue 9: earlier visits of a node are kept under visits/N', () => {
  it.each([
    ['no folders', [], 0],
    ['numbered folders', ['1', '2', '10'], 10],
    ['names that are not visits are ignored', ['1', 'x', '02', '0', '-1'], 1],
  ])('lastVisitNumber: %s', (_name, names, expected) => {
    expect(lastVisitNumber(names)).toBe(expected);
  });

  it('moves each earlier visit aside and keeps the latest at the spec paths', async () => {
    const visits = new StageVisits(true);
    const stage = join(dir, 'loop');
    for (const n of [1, 2, 3]) {
      await visits.beginVisit(stage, settled);
      writeVisit(stage, `visit ${n}`);
    }
    expect(readFileSync(join(stage, 'prompt.md'), 'utf8')).toBe('visit 3');
    expect(readFileSync(join(stage, 'visits', '1', 'prompt.md'), 'utf8')).toBe('visit 1');
    expect(readFileSync(join(stage, 'visits', '2', 'prompt.md'), 'utf8')).toBe('visit 2');
    expect(readdirSync(join(stage, 'visits')).sort()).toEqual(['1', '2']);
  });

  it('a resumed run counts the visits already on disk, and waits for pending writes first', async () => {
    const stage = join(dir, 'loop');
    writeVisit(join(stage, 'visits', '1'), 'visit 1');
    writeVisit(stage, 'visit 2');
    const order: string[] = [];
    await new StageVisits(false).beginVisit(stage, async () => {
      order.push(readdirSync(stage).includes('prompt.md') ? 'settled before the move' : 'settled after the move');
    });
    expect(order).toEqual(['settled before the move']);
    expect(readFileSync(join(stage, 'visits', '2', 'prompt.md'), 'utf8')).toBe('visit 2');
    expect(readdirSync(stage)).toEqual(['visits']);
  });

  it('keeps the checks feedback for the next visit, which reads it', async () => {
    const visits = new StageVisits(true);
    const stage = join(dir, 'work');
    await visits.beginVisit(stage, settled);
    writeVisit(stage, 'visit 1');
    writeFileSync(join(stage, 'feedback.md'), 'fix the tests');
    await visits.beginVisit(stage, settled);
    expect(readFileSync(join(stage, 'feedback.md'), 'utf8')).toBe('fix the tests');
    expect(readFileSync(join(stage, 'visits', '1', 'feedback.md'), 'utf8')).toBe('fix the tests');
  });
});
