import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { InterruptSignal, SignalSource } from './cli-io.js';
import { createInterrupts } from './interrupt.js';

function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  let stderr = '';
  const signals: SignalSource = { on: (name, fn) => emitter.on(name, fn), off: (name, fn) => emitter.off(name, fn) };
  return {
    io: { signals, exit: (code: number) => void exits.push(code), stderr: { write: (text: string) => (stderr += text) } },
    send: (name: InterruptSignal) => emitter.emit(name),
    listeners: () => emitter.listenerCount('SIGINT') + emitter.listenerCount('SIGTERM') + emitter.listenerCount('SIGHUP'),
    exits,
    stderr: () => stderr,
  };
}

describe('createInterrupts', () => {
  it('aborts on the first Ctrl-C and says how to force, exits 130 on the second', () => {
    const p = fakeProcess();
    const interrupts = createInterrupts(p.io, 'Interrupting run r1');
    expect(interrupts.signal.aborted).toBe(false);
    p.send('SIGINT');
    expect(interrupts.signal.aborted).toBe(true);
    expect(p.stderr()).toBe('\nInterrupting run r1 (Ctrl-C again to exit at once)\n');
    expect(p.exits).toEqual([]);
    p.send('SIGINT');
    expect(p.exits).toEqual([130]);
    interrupts.dispose();
  });

  it('treats SIGTERM like Ctrl-C', () => {
    const p = fakeProcess();
    const interrupts = createInterrupts(p.io, 'Stopping');
    p.send('SIGTERM');
    expect(interrupts.signal.aborted).toBe(true);
    interrupts.dispose();
  });

  it('issue 8.11: treats SIGHUP (the terminal closed) like Ctrl-C', () => {
    const p = fakeProcess();
    const interrupts = createInterrupts(p.io, 'Stopping');
    p.send('SIGHUP');
    expect(interrupts.signal.aborted).toBe(true);
    expect(p.exits).toEqual([]);
    interrupts.dispose();
  });

  it('removes its listeners on dispose', () => {
    const p = fakeProcess();
    const interrupts = createInterrupts(p.io, 'x');
    expect(p.listeners()).toBe(3);
    interrupts.dispose();
    expect(p.listeners()).toBe(0);
  });

  it('works without a signal source (in-process tests install no handlers)', () => {
    const interrupts = createInterrupts({ stderr: { write: () => true } }, 'x');
    expect(interrupts.signal.aborted).toBe(false);
    interrupts.dispose();
  });
});
