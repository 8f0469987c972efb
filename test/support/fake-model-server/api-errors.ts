import type { ServerResponse } from 'node:http';
import { sendJson } from './sse.js';
import { Endpoint } from './types.js';
import type { ScriptedError } from './types.js';
import { geminiErrorBody } from './gemini-errors.js';

const ANTHROPIC_ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const OPENAI_ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  403: 'permission_denied',
  404: 'not_found',
  429: 'rate_limit_exceeded',
};

/** The error body each API sends, so the SDKs' own error parsing sees a real-looking failure. */
export function errorBody(endpoint: Endpoint, error: ScriptedError): unknown {
  const message = error.message ?? `fake model server: scripted error ${error.status}`;
  if (endpoint === Endpoint.gemini) return geminiErrorBody(error.status, message);
  if (endpoint === Endpoint.anthropicMessages) {
    const type = ANTHROPIC_ERROR_TYPES[error.status] ?? (error.status >= 500 ? 'api_error' : 'invalid_request_error');
    return { type: 'error', error: { type, message } };
  }
  const type = OPENAI_ERROR_TYPES[error.status] ?? (error.status >= 500 ? 'server_error' : 'invalid_request_error');
  const code = error.status === 401 ? 'invalid_api_key' : type;
  return { error: { message, type, param: null, code } };
}

export function sendScriptedError(res: ServerResponse, endpoint: Endpoint, error: ScriptedError): void {
  const headers: Record<string, string> = {};
  if (error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter);
  sendJson(res, error.status, errorBody(endpoint, error), headers);
}
