import { describe, expect, it } from 'vitest';
import * as pipeline from './index.js';

describe('the public pipeline API', () => {
  it('exports exactly these values (types are checked by the compiler)', () => {
    expect(Object.keys(pipeline).sort()).toMatchInlineSnapshot(`
      [
        "BUILT_IN_HANDLER_TYPES",
        "BUILT_IN_RULES",
        "ClauseOp",
        "SHAPE_TO_TYPE",
        "Severity",
        "StyleProperty",
        "applyTransforms",
        "builtInTransforms",
        "conditionKeys",
        "createStylesheetTransform",
        "createVariablesTransform",
        "evaluateCondition",
        "expandVariables",
        "findExitNodes",
        "findStartNodes",
        "formatDiagnostic",
        "handlerTypeOf",
        "incomingEdges",
        "isError",
        "loadPipeline",
        "matchStyle",
        "maxNestingDepth",
        "maxPipelineFileBytes",
        "outgoingEdges",
        "parseCondition",
        "parseDot",
        "parseStylesheet",
        "plainValue",
        "preparePipeline",
        "readPipelineFile",
        "renderSvg",
        "resolveConditionKey",
        "resolveModelSettings",
        "shapeOf",
        "sortDiagnostics",
        "textValue",
        "toDisplayDot",
        "validate",
        "validateOrThrow",
      ]
    `);
  });
});
