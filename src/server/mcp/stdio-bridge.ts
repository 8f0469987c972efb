import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { isJSONRPCRequest, isJSONRPCResultResponse, type JSONRPCMessage, type RequestId } from '@modelcontextprotocol/sdk/types.js';
import type { Readable, Writable } from 'node:stream';
import { isOrchestraError } from '../../core/errors.js';
import { messageOf } from '../rpc/wire-errors.js';
import { projectHeader } from './default-project.js';

/** Where the daemon's /mcp is and the bearer token to call it with. */
export interface McpEndpoint {
  url: URL;
  token: string;
  /** The project the bridge was started in: sent with every call, the default `project` of tools that take one. */
  project?: string;
}

export interface StdioBridgeOptions {
  stdin: Readable;
  stdout: Writable;
  /** Finds the daemon (starting it when none runs); asked again when the daemon went away (a restart may change its port). */
  endpoint(): Promise<McpEndpoint>;
  /** Problems of the bridge itself, for the agent's MCP log (stderr). */
  log(line: string): void;
}

/**
 * `orchestra mcp`: an MCP client's stdio relayed, message by message, to the daemon's /mcp over
 * Streamable HTTP. Nothing is decided here: the daemon answers everything (tools, resources, errors,
 * protocol version), so the proxy never drifts from the HTTP server or holds state of its own. The
 * daemon's endpoint is stateless, so after a daemon restart the next message simply goes to the new
 * one. A message the daemon cannot be reached for gets a JSON-RPC error naming E_DAEMON, never silence.
 * The daemon is found before the first message (rejecting, with E_DAEMON, when it cannot be), and the
 * bridge resolves when the client closes stdin, once the messages in flight are answered.
 */
export async function bridgeStdio(options: StdioBridgeOptions): Promise<void> {
  const local = new StdioServerTransport(options.stdin, options.stdout);
  const initializeIds = new Set<RequestId>();
  let protocolVersion: string | undefined;
  let remote: Promise<StreamableHTTPClientTransport> | undefined;

  const connect = async (): Promise<StreamableHTTPClientTransport> => {
    const { url, token, project } = await options.endpoint();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(project !== undefined && { [projectHeader]: encodeURIComponent(project) }) };
    const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers } });
    transport.onmessage = (message) => {
      if (isJSONRPCResultResponse(message) && initializeIds.delete(message.id)) {
        protocolVersion = String(message.result.protocolVersion);
        transport.setProtocolVersion(protocolVersion);
      }
      void local.send(message);
    };
    transport.onerror = (error) => options.log(`orchestra mcp: ${messageOf(error)}`);
    if (protocolVersion !== undefined) transport.setProtocolVersion(protocolVersion);
    await transport.start();
    return transport;
  };

  const send = async (message: JSONRPCMessage, retried = false): Promise<void> => {
    remote ??= connect();
    try {
      await (await remote).send(message);
    } catch (error) {
      remote = undefined;
      // Refused before anything was sent: the daemon restarted or moved; find it again, once.
      if (!retried && refused(error)) return send(message, true);
      options.log(`orchestra mcp: ${messageOf(error)}`);
      if (isJSONRPCRequest(message)) await local.send(daemonError(message.id, error));
    }
  };

  remote = connect();
  await remote;
  const inFlight = new Set<Promise<void>>();
  local.onmessage = (message) => {
    if (isJSONRPCRequest(message) && message.method === 'initialize') initializeIds.add(message.id);
    const sending = send(message).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  };
  local.onerror = (error) => options.log(`orchestra mcp: ${messageOf(error)}`);
  const ended = new Promise<void>((resolve) => {
    options.stdin.once('end', resolve);
    options.stdin.once('close', resolve);
  });
  await local.start();
  await ended;
  await Promise.allSettled([...inFlight]);
  await local.close();
  if (remote !== undefined) await (await remote.catch(() => undefined))?.close();
}

function daemonError(id: RequestId, error: unknown): JSONRPCMessage {
  const data = isOrchestraError(error)
    ? { code: error.code, message: error.message, hint: error.hint }
    : { code: 'E_DAEMON', message: `the Orchestra daemon did not answer: ${messageOf(error)}`, hint: 'Check `orchestra daemon status`; its log is $ORCHESTRA_HOME/daemon/daemon.log.' };
  return { jsonrpc: '2.0', id, error: { code: -32000, message: `${data.code}: ${data.message}`, data } };
}

function refused(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code === 'ECONNREFUSED';
}
