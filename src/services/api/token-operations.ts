import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken, tokenAccess, tokenName, tokenRef, tokenUser, tokenView } from '../auth/index.js';
import { pageOfList } from './list-page.js';
import { defineOperation } from './operation.js';
import { pageInput, pageOf } from './pagination.js';

/*
 * The API's tokens (issue 12; docs/security.md "Tokens"): an admin token manages its tenant's tokens.
 * No output carries a token's hash; `tokens.create` carries the token itself, once.
 */

export const tokenOperations = [
  defineOperation({
    name: 'tokens.list',
    summary: 'List API tokens',
    description: "The tenant's API tokens, newest first: id, name, user, access, when made, last used and revoked. Never the tokens themselves. Revoked ones only with includeRevoked.",
    access: 'admin',
    input: z.object({ includeRevoked: z.boolean().default(false), ...pageInput }),
    output: pageOf(tokenView),
    http: { method: 'get', path: '/tokens' },
    mcp: 'token_list',
    handle: async (deps, caller, input) => pageOfList(await listApiTokens(deps.store, caller.scope, { includeRevoked: input.includeRevoked }), (token) => token.id, input),
  }),
  defineOperation({
    name: 'tokens.create',
    summary: 'Create an API token',
    description: "Makes a bearer token for the caller's tenant, acting as `user` (default: the caller's user) with `access` read, write or admin (default write). The token is in this response only: Orchestra keeps its hash. A write token can run pipelines, and so their tool commands, on the server's machine.",
    access: 'admin',
    input: z.object({ name: tokenName, user: tokenUser.optional(), access: tokenAccess.default('write') }),
    output: z.object({ token: z.string(), record: tokenView }),
    http: { method: 'post', path: '/tokens' },
    // Not a tool: a token an agent mints outlives its session and whatever revokes the agent's own,
    // so a prompt-injected agent could keep its access. People make tokens (CLI, API, dashboard).
    mcp: false,
    handle: (deps, caller, input) => createApiToken(deps.store, caller.scope, { name: input.name, user: input.user ?? caller.user, access: input.access }, deps.clock.now()),
  }),
  defineOperation({
    name: 'tokens.revoke',
    summary: 'Revoke an API token',
    description: 'Revokes the token with this id (or the live token with this name): it authenticates nothing from now on. Revoking a revoked token changes nothing (`revoked` false). E_TOKEN_NOT_FOUND when the tenant has none.',
    access: 'admin',
    destructive: true,
    idempotent: true,
    input: z.object({ id: tokenRef }),
    output: z.object({ record: tokenView, revoked: z.boolean() }),
    http: { method: 'delete', path: '/tokens/{id}' },
    mcp: 'token_revoke',
    handle: (deps, caller, input) => revokeApiToken(deps.store, caller.scope, input.id, deps.clock.now()),
  }),
] as const;
