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
        "StepError",
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
        "loadPipeline",
        "openSqliteStore",
        "parseCondition",
        "parseDot",
        "patched",
        "preparePipeline",
        "renderSvg",
        "replayRun",
        "resolveOrchestraHome",
        "resumeRun",
        "sleep",
        "sleepUntil",
        "startRun",
        "step",
        "task",
        "timeout",
        "validate",
        "validateOrThrow",
        "waitForSignal",
        "workflow",
      ]
    `);
  });
});
