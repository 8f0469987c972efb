import { describe, expect, it } from 'vitest';
import type { Handler } from '../../handler.js';
import { createDefaultRegistry } from './default-registry.js';
import { createHandlerRegistry } from './handler-registry.js';

const custom: Handler = { execute: async () => ({ status: 'success', notes: 'custom' }) };

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('createHandlerRegistry', () => {
  it('starts empty', () => {
    const registry = createHandlerRegistry();
    expect(registry.types()).toEqual([]);
    expect(registry.has('codergen')).toBe(false);
    expect(registry.get('codergen')).toBeUndefined();
  });

  it('registers by type name, and re-registering replaces', () => {
    const registry = createHandlerRegistry();
    const other: Handler = { execute: async () => undefined };
    registry.register('my_type', custom);
    registry.register('my_type', other);
    expect(registry.get('my_type')).toBe(other);
    expect(registry.types()).toEqual(['my_type']);
  });

  it.each([
    ['an empty name', '', 'Cannot register a handler under the type "".'],
    ['surrounding spaces', ' my_type ', 'Cannot register a handler under the type " my_type ".'],
  ])('rejects %s', (_name, type, message) => {
    expect(thrown(() => createHandlerRegistry().register(type, custom))).toMatchObject({ name: 'OrchestraError', code: 'E_USAGE', message });
  });

  it('rejects a handler without execute', () => {
    expect(thrown(() => createHandlerRegistry().register('broken', {} as Handler))).toMatchObject({
      code: 'E_USAGE',
      message: 'The handler registered as "broken" has no execute function.',
    });
  });
});

describe('createDefaultRegistry', () => {
  it('registers every built-in handler under its type name', () => {
    expect(createDefaultRegistry().types().sort()).toEqual(
      ['codergen', 'conditional', 'exit', 'parallel', 'parallel.fan_in', 'pipeline', 'stack.manager_loop', 'start', 'tool', 'wait.human', 'workflow'].sort(),
    );
  });

  it('lets a custom handler be added or replace a built-in one', async () => {
    const registry = createDefaultRegistry();
    registry.register('deploy', custom);
    registry.register('codergen', custom);
    expect(registry.get('deploy')).toBe(custom);
    expect(registry.get('codergen')).toBe(custom);
  });

  it('gives each registry its own handlers', () => {
    const a = createDefaultRegistry();
    a.register('tool', custom);
    expect(createDefaultRegistry().get('tool')).not.toBe(custom);
  });
});
