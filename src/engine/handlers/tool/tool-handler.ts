import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ErrorCode, OrchestraError } from '../../../core/errors.js';
import type { Outcome } from '../../../core/outcome.js';
import { ownerOf, readDurationMs, readString } from '../../../pipeline/graph/attr-read.js';
import type { HandlerInput } from '../../handler.js';
import type { BuiltInHandler } from '../built-in-handler.js';
import { processRecorderFor } from '../process-recorder.js';
import { OutputCapture } from './output-capture.js';
import { runCommand } from './run-command.js';
import { toolEnvironment, toolWorkingDirectory } from './tool-env.js';
import { openCombinedOutput, settleToolFiles, storeToolFiles, writeToolPrompt } from './tool-files.js';
import { toolOutcome } from './tool-outcome.js';

/**
 * Runs the node's `tool_command` (shape parallelogram, decision 7), streaming its output to
 * `stdout.txt`/`stderr.txt` and both to `tool_output.txt` in the stage dir, and as `tool.output`
 * events. The node's expanded `prompt` is in `prompt.txt` for the command (issue 9).
 */
export function createToolHandler(): BuiltInHandler {
  return {
    async execute(input: HandlerInput): Promise<Outcome> {
      const { node, services } = input;
      const command = readString(node.attrs, 'tool_command') ?? '';
      if (command.trim() === '') return { status: 'fail', failureReason: `No tool_command specified for node "${node.id}"` };
      const timeoutMs = readDurationMs(node.attrs, 'timeout', ownerOf(node));
      const cwd = toolWorkingDirectory(input);
      if (!(await isDirectory(cwd))) return { status: 'fail', failureReason: `Working directory "${cwd}" of tool node "${node.id}" does not exist` };

      await settleToolFiles(input);
      await writeToolPrompt(input);
      const emit = services.emit.bind(services);
      const stdout = new OutputCapture({ node: node.id, stream: 'stdout', file: join(input.stageDir, 'stdout.txt'), emit });
      const stderr = new OutputCapture({ node: node.id, stream: 'stderr', file: join(input.stageDir, 'stderr.txt'), emit });
      const combined = openCombinedOutput(input.stageDir);
      let exit;
      try {
        exit = await runCommand({
          command,
          cwd,
          env: toolEnvironment(input),
          timeoutMs,
          signal: input.signal,
          recorder: processRecorderFor(input),
          onStdout: (chunk) => (stdout.write(chunk), combined.write(chunk)),
          onStderr: (chunk) => (stderr.write(chunk), combined.write(chunk)),
        });
      } finally {
        await Promise.all([stdout.finish(), stderr.finish(), combined.finish()]);
      }
      if (exit.stoppedBy === 'abort') throw abortReason(input.signal, node.id);
      await storeToolFiles(input);
      const outcome = toolOutcome({ command, exit, stdoutHead: stdout.headText(), stderrTail: stderr.tailText(), timeoutMs });
      if (stdout.truncated) await recordFullOutput(input, stdout.byteCount, outcome);
      return outcome;
    },
  };
}

/**
 * `tool.output` holds only the head of a long output; the whole of it stays in stdout.txt, and an
 * artifact names that file so later nodes (and `artifactCount`) know there is more.
 */
async function recordFullOutput(input: HandlerInput, bytes: number, outcome: Outcome): Promise<void> {
  const id = `${input.node.id}.stdout`;
  await input.services.artifacts.store(id, `stdout of ${input.node.id}`, { file: join(input.stageDir, 'stdout.txt'), bytes });
  outcome.contextUpdates = { ...outcome.contextUpdates, 'tool.output_truncated': true, 'tool.output_artifact': id };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function abortReason(signal: AbortSignal, nodeId: string): unknown {
  return signal.reason ?? new OrchestraError(ErrorCode.INTERRUPTED, `Tool node "${nodeId}" was cancelled.`);
}
