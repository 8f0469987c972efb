export { buildNodeContext, contextUrlDir, withNodeContext } from './node-context.js';
export { contextBudgetChars, type ContextBlock, type ContextItem } from './context-item.js';
export { fitToBudget } from './context-budget.js';
export { formatContextSection } from './format-context.js';
