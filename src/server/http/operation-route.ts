import type { Hono } from 'hono';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { allows, type Operation } from '../../services/api/index.js';
import type { ApiEnv } from './api-env.js';
import { fieldIssues } from './field-issues.js';
import { jsonSchemaOf } from './json-schema.js';
import { readOperationInput } from './operation-input.js';
import { honoPath } from './route-path.js';

/**
 * `op` as its REST route: the caller's token must allow it, its input must pass `op.input` (every
 * bad field named), and its result must match `op.output` (a mismatch is our bug: logged, a 500).
 */
export function addOperationRoute(app: Hono<ApiEnv>, op: Operation): void {
  const inputSchema = jsonSchemaOf(op.input, 'input');
  app.on(op.http.method.toUpperCase(), honoPath(op.http.path), async (c) => {
    const caller = c.get('caller');
    if (!allows(caller.access, op.access)) {
      throw new OrchestraError(ErrorCode.FORBIDDEN, `${op.name} needs a ${op.access} token; this token is ${caller.access}`, {
        hint: `Create a token with \`orchestra token create --scope ${op.access}\`.`,
      });
    }
    const parsed = op.input.safeParse(await readOperationInput(c, op, inputSchema));
    if (!parsed.success) {
      const fields = fieldIssues(parsed.error);
      throw new OrchestraError(ErrorCode.USAGE, `invalid input for ${op.name}: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, {
        fields,
        hint: `GET /openapi.json has the schema of ${op.name}.`,
      });
    }
    const result = op.output.safeParse(await op.handle(c.get('deps'), caller, parsed.data));
    if (!result.success) {
      // Field names and zod's messages only: the values themselves may be anyone's data.
      c.get('deps').log.error('an operation returned a result its output schema refuses', { operation: op.name, issues: fieldIssues(result.error).map((f) => `${f.field}: ${f.message}`).join('; ') });
      throw new OrchestraError(ErrorCode.INTERNAL, 'Orchestra produced a response that does not match its own schema; the details are in its log.');
    }
    return c.json(result.data ?? null);
  });
}
