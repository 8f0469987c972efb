export { composePrompt } from './compose-prompt.js';
export type { ComposePromptInput, ComposedPrompt } from './compose-prompt.js';
export { LayerKinds, layerTextKeys, parsePromptLayer, readPromptLayer } from './prompt-layer.js';
export type { LayerKind, PromptLayer } from './prompt-layer.js';
export { renderTemplate } from './render-template.js';
export type { RenderedTemplate, TemplateOrigin } from './render-template.js';
export { contextView, nodeView } from './template-data.js';
export { renderPrompt } from './render-prompt.js';
export type { VariableLookup } from './reference-slots.js';
