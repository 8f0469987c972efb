export { outcomeFromAnswer } from './outcome-from-answer.js';
export { outcomeInstructions } from './outcome-instructions.js';
