export { ClauseOp, type Clause, type Condition } from './condition.js';
export { parseCondition, type ParseConditionOptions } from './parse.js';
export {
  evaluateCondition,
  resolveConditionKey,
  isTruthyConditionValue,
  type ConditionEnv,
} from './evaluate.js';
export { conditionKeys } from './keys.js';
export { tokenizeCondition, TokenKind, type Token } from './tokenize.js';
