import { z } from 'zod';

/*
 * The task terminal's WebSocket protocol (docs/api.md "The task terminal"). The server sends JSON
 * text frames for what happens (attached with the screen, exit, error) and the agent's output as
 * binary frames (its UTF-8 bytes, to write to the terminal as they are). The client sends JSON text
 * frames: input (keystrokes), resize, detach.
 */

export const terminalSize = { cols: z.number().int().min(2).max(1000), rows: z.number().int().min(2).max(1000) };

const clientFrame = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('input'), data: z.string().max(64 * 1024) }),
  z.strictObject({ type: z.literal('resize'), ...terminalSize }),
  z.strictObject({ type: z.literal('detach') }),
]);

export type ClientFrame = z.infer<typeof clientFrame>;

/** What a client's text frame asks, or why it is not a frame of the protocol. */
export function parseClientFrame(text: string): { frame: ClientFrame } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'a frame must be JSON: {"type":"input","data":"…"}, {"type":"resize","cols":80,"rows":24} or {"type":"detach"}' };
  }
  const parsed = clientFrame.safeParse(json);
  if (parsed.success) return { frame: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `not a terminal frame: ${issue?.path.join('.') || 'type'}: ${issue?.message ?? 'invalid'}` };
}

/** The task as the terminal names it. */
export interface TerminalTask {
  id: number;
  slug: string;
  status: string;
}

export type ServerFrame =
  /** First: the agent's screen as ANSI (draw it on a cleared terminal), the PTY's size, and whether this caller may type. */
  | { type: 'attached'; task: TerminalTask; screen: string; cols: number; rows: number; canType: boolean }
  | { type: 'exit'; exitCode: number; signal?: number }
  /** A refusal: `fatal` ones are followed by the server closing the socket. */
  | { type: 'error'; code: string; message: string; hint?: string; fatal: boolean };

/** WebSocket close codes: 1000 detached or the agent exited; 4000 refused (the error frame said why); 4008 the client reads too slowly. */
export const closeCodes = { normal: 1000, refused: 4000, tooSlow: 4008 } as const;
