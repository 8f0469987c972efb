export type { ApiEnv, Mount } from './api-env.js';
export type { Authenticate } from './bearer-auth.js';
export { createHttpApp, type HttpAppOptions } from './create-http-app.js';
export { openApiDocument } from './openapi-document.js';
export { problemContentType, type Problem } from './problem.js';
export { statusOfCode } from './status-of-code.js';
export { startHttpServer, type HttpServer } from './start-http-server.js';
