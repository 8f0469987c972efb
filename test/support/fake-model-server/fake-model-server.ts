import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendAnthropicMessage, streamAnthropicMessage } from './anthropic-messages.js';
import { sendScriptedError } from './api-errors.js';
import { sendGeminiContent, streamGeminiContent } from './gemini-generate.js';
import { structuredTurn } from './gemini-schema-answer.js';
import { sendChatCompletion, streamChatCompletion } from './openai-chat.js';
import { sendResponse, streamResponse } from './openai-responses.js';
import { recordRequest } from './record-request.js';
import type { ReplyContext } from './reply-context.js';
import { sendJson } from './sse.js';
import { createTurnQueue } from './turn-queue.js';
import type { TurnQueue } from './turn-queue.js';
import { Endpoint } from './types.js';
import type { FakeModelServer, FakeModelServerOptions, RecordedRequest } from './types.js';
import { usageFor } from './usage.js';

const DEFAULT_MODEL = 'fake-model';

function answerModelList(res: ServerResponse, path: string): boolean {
  if (path !== '/v1/models') return false;
  sendJson(res, 200, {
    object: 'list',
    data: [{ id: DEFAULT_MODEL, object: 'model', type: 'model', display_name: 'Fake Model', created: 0, owned_by: 'orchestra' }],
    has_more: false,
  });
  return true;
}

function includeUsage(body: unknown): boolean {
  const options = (body as { stream_options?: { include_usage?: unknown } } | undefined)?.stream_options;
  return options?.include_usage === true;
}

function reply(res: ServerResponse, request: RecordedRequest, endpoint: Endpoint, queue: TurnQueue, sequence: number): void {
  // Gemini CLI's side questions (routing, next speaker) are answered from their schema, off the script.
  const turn = (endpoint === Endpoint.gemini ? structuredTurn(request.body) : undefined) ?? queue.take(request);
  if (turn.error !== undefined) {
    sendScriptedError(res, endpoint, turn.error);
    return;
  }
  const context: ReplyContext = { sequence, model: request.model ?? DEFAULT_MODEL, usage: usageFor(request.bodyLength, turn) };
  if (endpoint === Endpoint.anthropicMessages) {
    (request.stream ? streamAnthropicMessage : sendAnthropicMessage)(res, turn, context);
  } else if (endpoint === Endpoint.openaiChat) {
    if (request.stream) streamChatCompletion(res, turn, context, includeUsage(request.body));
    else sendChatCompletion(res, turn, context);
  } else if (endpoint === Endpoint.gemini) {
    (request.stream ? streamGeminiContent : sendGeminiContent)(res, turn, context);
  } else {
    (request.stream ? streamResponse : sendResponse)(res, turn, context);
  }
}

/**
 * A local stand-in for the Anthropic Messages, OpenAI Chat Completions, OpenAI Responses and Gemini APIs,
 * answering from a per-test script so agent backends and real CLIs can run without a network.
 */
export async function startFakeModelServer(options: FakeModelServerOptions = {}): Promise<FakeModelServer> {
  const queue = createTurnQueue(options.fallback);
  const requests: RecordedRequest[] = [];
  const holds: Array<{ arrive: (request: RecordedRequest) => void; released: Promise<void>; release: () => void }> = [];
  const waiting = new Set<() => void>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await recordRequest(req);
    requests.push(request);
    const sequence = requests.length;
    if (request.endpoint !== undefined) {
      const hold = holds.shift();
      if (hold !== undefined) {
        hold.arrive(request);
        await hold.released;
        // Its client went away while it waited (a process killed): nothing to answer, no turn used.
        if (res.destroyed || req.socket.destroyed) return;
      }
      reply(res, request, request.endpoint, queue, sequence);
    } else if (request.method === 'GET' && answerModelList(res, request.path)) {
      return;
    } else {
      // HEAD / and GET / are connectivity probes (Claude Code); a 404 satisfies them.
      sendJson(res, 404, { error: { type: 'not_found_error', message: `fake model server: no route ${request.method} ${request.path}` } });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { type: 'api_error', message: String(error) } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    anthropicBaseUrl: `${url}/v1`,
    openaiBaseUrl: `${url}/v1`,
    script: (turns, options) => queue.push(turns, options),
    get remaining() {
      return queue.size;
    },
    requests,
    holdNext() {
      let arrive: (request: RecordedRequest) => void = () => {};
      let release = () => {};
      const arrived = new Promise<RecordedRequest>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      waiting.add(release);
      holds.push({ arrive, released, release });
      return { arrived, release: () => (waiting.delete(release), release()) };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const release of waiting) release();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
