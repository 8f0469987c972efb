import { describe, expect, it } from 'vitest';
import * as orchestra from './index.js';

// The public API is a promise to users: a change here must be deliberate.
describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(orchestra).sort()).toMatchInlineSnapshot(`
      [
        "ErrorCode",
        "ExitCode",
        "OrchestraError",
        "RunContext",
        "createAutoApproveInterviewer",
        "createCallbackInterviewer",
        "createConsoleInterviewer",
        "createDefaultRegistry",
        "createHandlerRegistry",
        "createMemoryStore",
        "createQueueInterviewer",
        "createRecordingInterviewer",
        "createSimulationBackend",
        "evaluateCondition",
        "formatDiagnostic",
        "isOrchestraError",
        "isWorkflowDefinition",
        "loadPipeline",
        "openSqliteStore",
        "parseCondition",
        "parseDot",
        "preparePipeline",
        "renderSvg",
        "replayRun",
        "resolveOrchestraHome",
        "resumeRun",
        "startRun",
        "validate",
        "validateOrThrow",
        "workflow",
      ]
    `);
  });
});
