import { describe, expect, it } from 'vitest';
import { parseClientFrame } from './terminal-frames.js';

describe('issue 15: the task terminal frames a client sends', () => {
  it.each([
    ['{"type":"input","data":"y\\r"}', { frame: { type: 'input', data: 'y\r' } }],
    ['{"type":"resize","cols":120,"rows":40}', { frame: { type: 'resize', cols: 120, rows: 40 } }],
    ['{"type":"detach"}', { frame: { type: 'detach' } }],
  ])('issue 15: %s is a frame', (text, expected) => {
    expect(parseClientFrame(text)).toEqual(expected);
  });

  it.each([
    ['y', /must be JSON/],
    ['{"type":"paste","data":"x"}', /type/],
    ['{"type":"resize","cols":1,"rows":40}', /cols/],
    ['{"type":"resize","cols":80}', /rows/],
    ['{"type":"input","data":3}', /data/],
    ['{"type":"input","data":"x","extra":1}', /not a terminal frame/],
  ])('issue 15: %s is refused, naming what is wrong', (text, problem) => {
    const parsed = parseClientFrame(text);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
  });
});
