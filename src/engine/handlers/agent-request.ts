import type { AgentRequest } from '../../agents/backend.js';
import type { HandlerInput, StageFileSink } from '../handler.js';
import { processRecorderFor } from './process-recorder.js';
import { toolWorkingDirectory } from './tool/tool-env.js';
import { turnCommitterFor } from './turn-commits.js';

function settleAllOf(files: StageFileSink): () => Promise<void> {
  return function runFilesOnDisk() {
    return files.settleAll();
  };
}

/** The request a handler sends its backend for `prompt`: everything the node's run knows (decision 28). */
export function agentRequestFor(input: HandlerInput, prompt: string): AgentRequest {
  const committer = turnCommitterFor(input);
  return {
    node: input.node,
    graph: input.graph,
    prompt,
    context: input.context.snapshot(),
    fidelity: input.run.fidelity,
    threadId: input.run.threadId,
    preamble: input.preamble ?? '',
    stageDir: input.stageDir,
    runId: input.run.id,
    attempt: input.attempt,
    signal: input.signal,
    workDir: toolWorkingDirectory(input),
    emit: input.services.emit.bind(input.services),
    processes: processRecorderFor(input),
    ...(input.services.files ? { runFilesOnDisk: settleAllOf(input.services.files) } : {}),
    ...(committer && { commitTurn: committer }),
    ...(input.run.resumedTurns && { resumedTurns: input.run.resumedTurns }),
  };
}
