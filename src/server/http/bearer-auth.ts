import type { MiddlewareHandler } from 'hono';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { ApiCaller, ApiDeps } from '../../services/api/index.js';
import type { ApiEnv } from './api-env.js';

export type Authenticate = (token: string) => Promise<ApiCaller | undefined>;

/**
 * Every route after it acts as the bearer token's caller; a request without a token, or with one
 * `authenticate` does not know, is 401. The token itself is never logged nor echoed.
 */
export function bearerAuth(deps: ApiDeps, authenticate: Authenticate): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = /^Bearer +([^\s]+) *$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (token === undefined) {
      throw new OrchestraError(ErrorCode.UNAUTHORIZED, 'this request has no bearer token', {
        hint: 'Send `Authorization: Bearer <token>`; `orchestra token create --name NAME` makes one.',
      });
    }
    const caller = await authenticate(token);
    if (caller === undefined) {
      throw new OrchestraError(ErrorCode.UNAUTHORIZED, 'the bearer token is not valid (unknown, or revoked)', { hint: '`orchestra token list` shows the tokens that are; `orchestra token create` makes a new one.' });
    }
    c.set('caller', caller);
    c.set('deps', deps);
    await next();
  };
}
