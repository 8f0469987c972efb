export { authenticateLocal, resolveLocalTenant, systemScopeFor, type LocalTenantChoice } from './local-scope.js';
