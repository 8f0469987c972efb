import type { HandlerRegistry } from '../../handler.js';
import { createCodergenHandler } from '../codergen/index.js';
import { createConditionalHandler } from '../conditional/index.js';
import { createExitHandler } from '../exit/index.js';
import { createManagerLoopHandler } from '../manager-loop/index.js';
import { createFanInHandler } from '../parallel-fan-in/index.js';
import { createParallelHandler } from '../parallel/index.js';
import { createPipelineHandler } from '../pipeline/index.js';
import { createStartHandler } from '../start/index.js';
import { createToolHandler } from '../tool/index.js';
import { createWaitHumanHandler } from '../wait-human/index.js';
import { createWorkflowHandler } from '../workflow/index.js';
import { createHandlerRegistry } from './handler-registry.js';

/** The built-in handler types, as named by the shape map (Attractor §4.1). */
export const BuiltInHandlerType = {
  START: 'start',
  EXIT: 'exit',
  CODERGEN: 'codergen',
  WAIT_HUMAN: 'wait.human',
  CONDITIONAL: 'conditional',
  PARALLEL: 'parallel',
  FAN_IN: 'parallel.fan_in',
  TOOL: 'tool',
  MANAGER_LOOP: 'stack.manager_loop',
  PIPELINE: 'pipeline',
  WORKFLOW: 'workflow',
} as const;
export type BuiltInHandlerType = (typeof BuiltInHandlerType)[keyof typeof BuiltInHandlerType];

/** A registry with every built-in handler; custom handlers are added (or built-ins replaced) with `register`. */
export function createDefaultRegistry(): HandlerRegistry {
  const registry = createHandlerRegistry();
  registry.register(BuiltInHandlerType.START, createStartHandler());
  registry.register(BuiltInHandlerType.EXIT, createExitHandler());
  registry.register(BuiltInHandlerType.CODERGEN, createCodergenHandler());
  registry.register(BuiltInHandlerType.WAIT_HUMAN, createWaitHumanHandler());
  registry.register(BuiltInHandlerType.CONDITIONAL, createConditionalHandler());
  registry.register(BuiltInHandlerType.PARALLEL, createParallelHandler());
  registry.register(BuiltInHandlerType.FAN_IN, createFanInHandler());
  registry.register(BuiltInHandlerType.TOOL, createToolHandler());
  registry.register(BuiltInHandlerType.MANAGER_LOOP, createManagerLoopHandler());
  registry.register(BuiltInHandlerType.PIPELINE, createPipelineHandler());
  registry.register(BuiltInHandlerType.WORKFLOW, createWorkflowHandler());
  return registry;
}
