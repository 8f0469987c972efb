import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { coalesce } from '../lib/coalesce';
import { closeReason, joined, terminalUrl, type ServerFrame } from './terminal-socket';

const outputEveryMs = 100;

interface Props {
  project: string;
  taskId: number;
  onDetached(): void;
}

interface Notice {
  message: string;
  hint?: string;
}

/**
 * A live terminal on the task's agent (xterm.js over the task terminal's WebSocket): the agent's
 * screen, then its output; keys typed go to the agent, and the terminal follows its element's size.
 * Loaded as its own chunk, only when a person attaches. Detaching closes only this viewer.
 */
export default function TerminalView({ project, taskId, onDetached }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const socket = useRef<WebSocket>(undefined);
  const detaching = useRef(() => undefined as void);
  const [state, setState] = useState<'connecting' | 'attached' | 'closed'>('connecting');
  const [canType, setCanType] = useState(true);
  const [notice, setNotice] = useState<Notice>();
  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const terminal = new Terminal({ cursorBlink: true, fontSize: 13, scrollback: 5000, theme: { background: '#15181d', foreground: '#e6e8eb', cursor: '#9db8ff' } });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(element);
    fit.fit();
    const ws = new WebSocket(terminalUrl(window.location, project, taskId, { cols: terminal.cols, rows: terminal.rows }));
    ws.binaryType = 'arraybuffer';
    socket.current = ws;
    let typing = false;
    const send = (frame: unknown) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(frame));
    // The agent's output written together at most every outputEveryMs: xterm.js draws the next
    // frame after a write, so a busy agent costs ~10 draws a second, not one a frame (bench/web-agents.js).
    const output = coalesce<Uint8Array>((chunks) => terminal.write(joined(chunks)), outputEveryMs);
    ws.onmessage = (message: MessageEvent<ArrayBuffer | string>) => {
      if (typeof message.data !== 'string') return output.push(new Uint8Array(message.data));
      output.flush();
      const frame = JSON.parse(message.data) as ServerFrame;
      if (frame.type === 'attached') {
        typing = frame.canType;
        setCanType(frame.canType);
        // A viewer that may not resize the agent's PTY shows it at its size.
        if (!frame.canType) terminal.resize(frame.cols, frame.rows);
        terminal.reset();
        terminal.write(frame.screen);
        setState('attached');
        terminal.focus();
      } else if (frame.type === 'exit') {
        setNotice({ message: `The agent exited with code ${frame.exitCode}.` });
      } else {
        setNotice({ message: frame.message, ...(frame.hint !== undefined && { hint: frame.hint }) });
      }
    };
    ws.onclose = (event) => {
      setState('closed');
      setNotice((current) => current ?? { message: closeReason(event.code, event.reason) });
    };
    // The terminal takes every key, Tab included: Ctrl-] (the detach key of `orchestra attach`) gives the keyboard back.
    terminal.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown' || !event.ctrlKey || event.key !== ']') return true;
      detaching.current();
      return false;
    });
    const typed = terminal.onData((data) => typing && send({ type: 'input', data }));
    const resized = terminal.onResize(({ cols, rows }) => typing && send({ type: 'resize', cols, rows }));
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => typing && fit.fit());
    });
    observer.observe(element);
    return () => {
      output.cancel();
      observer.disconnect();
      cancelAnimationFrame(frame);
      typed.dispose();
      resized.dispose();
      ws.close(1000);
      terminal.dispose();
    };
  }, [project, taskId]);
  const detach = () => {
    const ws = socket.current;
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'detach' }));
    onDetached();
  };
  detaching.current = detach;
  return (
    <div className="terminal-panel">
      <div className="terminal-bar">
        <span role="status" data-testid="terminal-state">
          {state === 'connecting' ? 'Connecting…' : state === 'attached' ? (canType ? 'Attached: type to the agent (Ctrl-] detaches).' : 'Attached, read only (your access cannot type).') : 'Not attached.'}
        </span>
        <button type="button" onClick={detach}>
          {state === 'closed' ? 'Close' : 'Detach'}
        </button>
      </div>
      {notice && (
        <div role="alert" className="refusal" data-testid="terminal-notice">
          {notice.message}
          {notice.hint && <p className="muted">{notice.hint}</p>}
        </div>
      )}
      <div ref={host} className="terminal-host" data-testid="terminal" aria-label={`Terminal of task ${taskId}`} />
    </div>
  );
}
