import { ErrorCode, OrchestraError } from '../../../core/errors.js';
import type { Handler, HandlerRegistry } from '../../handler.js';

/** An empty registry; `register` with a type that exists replaces its handler (Attractor §4.2). */
export function createHandlerRegistry(): HandlerRegistry {
  const handlers = new Map<string, Handler>();
  return {
    register(type: string, handler: Handler): void {
      const name = type.trim();
      if (name === '' || name !== type) {
        throw new OrchestraError(ErrorCode.USAGE, `Cannot register a handler under the type ${JSON.stringify(type)}.`, {
          hint: 'Use the name written in the DOT file, without surrounding spaces, e.g. register("my_type", handler) for type="my_type".',
        });
      }
      if (typeof handler?.execute !== 'function') {
        throw new OrchestraError(ErrorCode.USAGE, `The handler registered as "${type}" has no execute function.`, {
          hint: 'A handler is an object with async execute(input) returning an Outcome.',
        });
      }
      handlers.set(type, handler);
    },
    get: (type) => handlers.get(type),
    has: (type) => handlers.has(type),
    types: () => [...handlers.keys()],
  };
}
