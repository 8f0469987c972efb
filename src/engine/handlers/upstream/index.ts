export { contextFromAttr, contextFromHeading, contextFromIds, contextFromSection } from './context-from.js';
export { fitOutputs, outputBudget, trimmedMarker } from './output-budget.js';
export type { FittedOutput, OutputBudget, UpstreamOutput } from './output-budget.js';
export { renderOutputSection, withOutputSection } from './output-section.js';
export type { OutputSection } from './output-section.js';
export { readNodeOutput } from './read-output.js';
