import type { IncomingMessage } from 'node:http';
import { geminiRoute } from './gemini-generate.js';
import { Endpoint } from './types.js';
import type { RecordedRequest } from './types.js';

const AUTH_HEADERS = new Set(['authorization', 'x-api-key', 'api-key', 'x-goog-api-key', 'proxy-authorization']);

const ROUTES: Record<string, Endpoint> = {
  '/v1/messages': Endpoint.anthropicMessages,
  '/v1/chat/completions': Endpoint.openaiChat,
  '/v1/responses': Endpoint.openaiResponses,
};

/** Which API a POST path belongs to, or undefined for anything the server does not model. */
export function endpointFor(method: string, path: string): Endpoint | undefined {
  return method === 'POST' ? ROUTES[path] : undefined;
}

/** Keeps header names (tests assert a key was sent) but never the secret itself. */
export function redactHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = AUTH_HEADERS.has(name) ? '<redacted>' : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function recordRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const text = await readBody(req);
  const body = parseJson(text);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const gemini = method === 'POST' ? geminiRoute(url.pathname) : undefined;
  const endpoint = gemini !== undefined ? Endpoint.gemini : endpointFor(method, url.pathname);
  const model = gemini?.model ?? fields['model'];
  return {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: redactHeaders(req.headers),
    body,
    bodyLength: text.length,
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(typeof model === 'string' ? { model } : {}),
    stream: gemini?.stream ?? fields['stream'] === true,
  };
}
