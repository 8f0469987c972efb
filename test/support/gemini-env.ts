import { mkdirSync } from 'node:fs';
import type { FakeModelServer, RecordedRequest } from './fake-model-server/index.js';
import { agentBinDir } from './real-agent-env.js';

/**
 * What Gemini CLI needs to run against `server`: the key, the base URL and a HOME of its own that
 * must stay untouched (Orchestra points the CLI at a settings home of the session's instead).
 */
export function geminiEnvironment(server: FakeModelServer, home: string): Record<string, string> {
  mkdirSync(home, { recursive: true });
  return { PATH: `${agentBinDir}:${process.env.PATH ?? ''}`, HOME: home, GEMINI_API_KEY: 'test-key-for-the-fake-server', GOOGLE_GEMINI_BASE_URL: server.url };
}

type Part = Record<string, unknown> & { text?: string };
const lastParts = (request: RecordedRequest): Part[] => ((request.body as { contents?: Array<{ parts?: Part[] }> } | undefined)?.contents?.at(-1)?.parts ?? []);

/** The name of the function whose result a Gemini request ends with (the follow-up of a tool call), if any. */
export function answeredFunction(request: RecordedRequest): string | undefined {
  const part = lastParts(request).find((candidate) => 'functionResponse' in candidate);
  return (part?.functionResponse as { name?: string } | undefined)?.name;
}

/** Whether the last turn of a Gemini request (the user's newest message) contains `text`. */
export function lastTurnSays(request: RecordedRequest, text: string): boolean {
  return lastParts(request).some((part) => typeof part.text === 'string' && part.text.includes(text));
}
