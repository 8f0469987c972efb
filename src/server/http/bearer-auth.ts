import type { MiddlewareHandler } from 'hono';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { ApiCaller, ApiDeps } from '../../services/api/index.js';
import { readSessionCookie } from '../web/session-cookie.js';
import type { ApiEnv } from './api-env.js';

export type Authenticate = (token: string) => Promise<ApiCaller | undefined>;

/** Methods that change nothing: a cookie may authenticate them without an Origin header. */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route after it acts as the bearer token's caller, or (without an Authorization header) as
 * the dashboard session's of the session cookie (issue 15); a request with neither, or with one
 * not known, is 401. A cookie-authenticated request that changes state must carry an Origin, which
 * the request guard has already checked is this server's own: a browser always sends one with such
 * a request, so one without it came from somewhere that is not our page. Secrets are never logged.
 */
export function bearerAuth(deps: ApiDeps, authenticate: Authenticate, authenticateSession?: Authenticate): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const session = header === undefined && authenticateSession !== undefined ? readSessionCookie(c) : undefined;
    const caller = session !== undefined ? await sessionCaller(session, c.req.method, c.req.header('origin'), authenticateSession) : await bearerCaller(header, authenticate);
    c.set('caller', caller);
    c.set('deps', deps);
    await next();
  };
}

async function bearerCaller(header: string | undefined, authenticate: Authenticate): Promise<ApiCaller> {
  const token = /^Bearer +([^\s]+) *$/i.exec(header ?? '')?.[1];
  if (token === undefined) {
    throw new OrchestraError(ErrorCode.UNAUTHORIZED, 'this request has no bearer token', {
      hint: 'Send `Authorization: Bearer <token>`; `orchestra token create --name NAME` makes one.',
    });
  }
  const caller = await authenticate(token);
  if (caller === undefined) {
    throw new OrchestraError(ErrorCode.UNAUTHORIZED, 'the bearer token is not valid (unknown, or revoked)', { hint: '`orchestra token list` shows the tokens that are; `orchestra token create` makes a new one.' });
  }
  return caller;
}

async function sessionCaller(session: string, method: string, origin: string | undefined, authenticate: Authenticate | undefined): Promise<ApiCaller> {
  const caller = authenticate === undefined ? undefined : await authenticate(session);
  if (caller === undefined) {
    throw new OrchestraError(ErrorCode.UNAUTHORIZED, 'the dashboard session has expired or is not valid', { hint: 'Run `orchestra open` for a new login link.' });
  }
  if (!safeMethods.has(method.toUpperCase()) && origin === undefined) {
    throw new OrchestraError(ErrorCode.FORBIDDEN, 'a request with the session cookie that changes state must come from the dashboard (it has no Origin)', {
      hint: 'Programs authenticate with `Authorization: Bearer <token>`, not the cookie.',
    });
  }
  return caller;
}
