import type { WebSocket } from 'ws';
import { isOrchestraError } from '../../core/errors.js';
import { closeCodes, parseClientFrame, type ServerFrame, type TerminalTask } from './terminal-frames.js';

/** A running agent's terminal, as the task service has it (a LiveAgent and its PTY session). */
export interface AgentTerminal {
  screen(): Promise<string>;
  size(): { cols: number; rows: number };
  resize(cols: number, rows: number): void;
  /** Keystrokes: the agent counts them as a person's feedback. */
  input(data: string): void;
  onOutput(listener: (data: string) => void): () => void;
  onExit(listener: (exit: { exitCode: number; signal?: number }) => void): () => void;
}

export interface TerminalRequest {
  /** Finds the task and its running agent; throws an OrchestraError (not found, not running) to refuse. */
  open(): Promise<{ task: TerminalTask; agent: AgentTerminal }>;
  /** The size the viewer's terminal has; the PTY takes it when the viewer may type. */
  size: { cols: number; rows: number } | undefined;
  /** Write access: typing and resizing. A read-only viewer watches at the PTY's size. */
  canType: boolean;
}

/** A viewer this far behind (bytes queued on its socket) is dropped rather than let the daemon's memory grow. */
const maxQueuedBytes = 8 * 1024 * 1024;

/**
 * One viewer of a task's agent over a WebSocket, as `orchestra attach` over the socket
 * (attach-methods.ts): the screen first, then the output as it comes; input and resizes from a
 * viewer with write access. Ends on detach, on the socket closing or on the agent's exit; ending
 * never touches the agent.
 */
export async function runTerminal(socket: WebSocket, request: TerminalRequest): Promise<void> {
  const send = (frame: ServerFrame) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(frame));
  const offs: Array<() => void> = [];
  const end = (code: number, reason = '') => {
    offs.splice(0).forEach((off) => off());
    if (socket.readyState === socket.OPEN) socket.close(code, reason);
  };
  socket.on('close', () => end(closeCodes.normal));
  let opened: Awaited<ReturnType<TerminalRequest['open']>>;
  try {
    opened = await request.open();
  } catch (error) {
    if (!isOrchestraError(error)) throw error;
    send({ type: 'error', code: error.code, message: error.message, ...(error.hint !== undefined && { hint: error.hint }), fatal: true });
    return end(closeCodes.refused, error.code);
  }
  if (socket.readyState !== socket.OPEN) return;
  const { task, agent } = opened;
  const size = agent.size();
  if (request.canType && request.size !== undefined && (request.size.cols !== size.cols || request.size.rows !== size.rows)) agent.resize(request.size.cols, request.size.rows);
  // Output from the moment the screen is taken is not in it: held, and sent after the screen.
  let held: string[] | undefined = [];
  const output = (data: string) => {
    if (held !== undefined) return void held.push(data);
    if (socket.bufferedAmount > maxQueuedBytes) return end(closeCodes.tooSlow, 'the viewer reads too slowly');
    socket.send(Buffer.from(data, 'utf8'));
  };
  offs.push(agent.onOutput(output));
  offs.push(agent.onExit((exit) => {
    send({ type: 'exit', exitCode: exit.exitCode, ...(exit.signal !== undefined && { signal: exit.signal }) });
    end(closeCodes.normal, 'the agent exited');
  }));
  socket.on('message', (data, isBinary) => {
    const parsed = isBinary ? { problem: 'send text frames (JSON)' } : parseClientFrame(data.toString());
    if ('problem' in parsed) return void send({ type: 'error', code: 'E_USAGE', message: parsed.problem, fatal: false });
    const frame = parsed.frame;
    if (frame.type === 'detach') return end(closeCodes.normal, 'detached');
    if (!request.canType) return void send({ type: 'error', code: 'E_FORBIDDEN', message: 'this token or session may watch the agent but not type to it or resize it (it has read access)', hint: 'Use a token with write access.', fatal: false });
    if (frame.type === 'input') agent.input(frame.data);
    else agent.resize(frame.cols, frame.rows);
  });
  const screen = await agent.screen();
  const now = agent.size();
  send({ type: 'attached', task, screen, cols: now.cols, rows: now.rows, canType: request.canType });
  const waiting = held;
  held = undefined;
  for (const data of waiting) output(data);
}
