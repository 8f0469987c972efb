export { authenticateLocal, resolveLocalTenant, systemScopeFor, type LocalTenantChoice } from './local-scope.js';
export { authenticateToken, createApiToken, listApiTokens, revokeApiToken, tokenTouchIntervalMs, type NewTokenInput } from './tokens.js';
export { ensureLocalToken, localTokenName, localTokenPath } from './local-token.js';
export { createTokenInput, tokenAccess, tokenName, tokenRef, tokenUser, tokenView } from './token-schemas.js';
export { hashToken } from './token-secret.js';
export { authenticateSession, createLoginCode, loginCodeLifetimeMs, redeemLoginCode, webSessionLifetimeMs } from './web-login.js';
