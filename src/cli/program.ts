import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { CommandContext } from './command-context.js';
import type { AttachOptions } from './commands/attach.js';
import type { CompileOptions } from './commands/compile.js';
import type { DoctorOptions } from './commands/doctor.js';
import type { ReplayOptions } from './commands/replay.js';
import type { ResumeOptions } from './commands/resume.js';
import type { RunOptions } from './commands/run.js';
import type { StatusOptions } from './commands/status.js';
import type { AttachTaskOptions } from './task-commands/attach-command.js';
import type { TaskStatusOptions } from './task-commands/status-command.js';
import { registerHumanTaskCommands } from './human-program.js';
import { registerTaskCommands } from './task-program.js';

/** Names of the subcommands, for usage hints. */
export const commandNames = [
  'compile', 'run', 'runs', 'resume', 'replay', 'doctor',
  'new', 'edit', 'start', 'stop', 'attach', 'complete', 'review', 'status', 'merge', 'cd', 'shell-init', 'diff', 'logs', 'rm', 'watch', 'daemon',
  'inbox', 'answer', 'claim', 'release', 'reassign', 'human-task',
] as const;

/**
 * The command table. Actions are thin: each lazy-imports its module (so `orchestra status` never
 * loads the engine) and reports the exit code through `setExitCode`.
 */
export function createProgram(ctx: CommandContext, setExitCode: (code: number) => void): Command {
  const program = new Command('orchestra')
    .description('Run AI agents and people together, durably: DOT pipelines checkpointed node by node, and coding agents on tasks in their own git worktrees.')
    .version(readVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
      // main() prints commander's errors in the one error format.
      outputError: () => {},
    })
    .showSuggestionAfterError(true);

  program
    .command('compile')
    .description('parse and validate a pipeline; print diagnostics with file:line:col (exit 1 on any error)')
    .argument('<file>', 'the DOT file')
    .option('--json', 'print { file, ok, diagnostics } as JSON on stdout')
    .option('--svg <out>', 'also draw the pipeline as SVG into <out> (only when there is no error)')
    .action(async (file: string, options: CompileOptions) => {
      const { compileCommand } = await import('./commands/compile.js');
      setExitCode(await compileCommand(ctx, file, options));
    });

  program
    .command('run')
    .description('run a pipeline, checkpointing every node; key=value arguments become run variables ($key in prompts)')
    .argument('<file>', 'the DOT file')
    .argument('[variables...]', 'run variables as key=value')
    .option('--simulate', 'use the simulation backend instead of a model')
    .option('--auto-approve', 'answer every human gate with its first choice instead of asking')
    .option('--logs <dir>', 'the run directory (default: $ORCHESTRA_HOME/runs/<run id>)')
    .option('--quiet', 'print only the result line')
    .option('--single-line', 'show progress on one line, rewritten in place (on a terminal)')
    .option('--json', 'print every event, then the result, as one JSON object per line on stdout')
    .action(async (file: string, variables: string[], options: RunOptions) => {
      const { runCommand } = await import('./commands/run.js');
      setExitCode(await runCommand(ctx, file, variables, options));
    });

  program
    .command('runs')
    .description('list pipeline runs, newest first, or show one run (an unambiguous id prefix is enough)')
    .argument('[run]', 'a run id or prefix')
    .option('--detail', "with a run: its node history and checkpoints")
    .option('--all', 'list every run, not only the 20 newest')
    .option('--json', 'machine-readable output')
    .option('--export <dir>', "with a run: write its run directory's files, rebuilt from the store, into <dir>")
    .action(async (run: string | undefined, options: StatusOptions) => {
      const { statusCommand } = await import('./commands/status.js');
      setExitCode(await statusCommand(ctx, run, options));
    });

  program
    .command('status')
    .description("the project's tasks (--all: every project); `status <task|run>` one of them; `status set <task> <status>` for hooks")
    .argument('[args...]', 'a task id or slug, a run id, or: set <task> <status>')
    .option('--json', 'machine-readable output')
    .option('--watch', 'then follow changes, one line each; a bell when an agent needs input')
    .option('--all', 'tasks of every project the daemon knows')
    .option('--detail', "with a run id: its node history and checkpoints")
    .action(async (args: string[], options: TaskStatusOptions) => {
      const { taskStatusCommand } = await import('./task-commands/status-command.js');
      setExitCode(await taskStatusCommand(ctx, args, options));
    });

  program
    .command('resume')
    .description('continue an interrupted run from its last checkpoint (nodes already completed are not run again)')
    .argument('<run>', 'a run id or prefix')
    .option('--simulate', 'use the simulation backend (default: what the run started with)')
    .option('--auto-approve', 'answer every human gate with its first choice (default: what the run started with)')
    .option('--quiet', 'print only the result line')
    .option('--json', 'print every event, then the result, as JSON lines')
    .action(async (run: string, options: ResumeOptions) => {
      const { resumeCommand } = await import('./commands/resume.js');
      setExitCode(await resumeCommand(ctx, run, options));
    });

  program
    .command('replay')
    .description('start a new run from checkpoint N of a run; the original run is left untouched')
    .argument('<run>', 'a run id or prefix')
    .requiredOption('--checkpoint <n>', 'the checkpoint number (see `orchestra runs <run> --detail`)')
    .option('--logs <dir>', 'the new run directory (default: $ORCHESTRA_HOME/runs/<new run id>)')
    .option('--simulate', 'use the simulation backend (default: what the run started with)')
    .option('--auto-approve', 'answer every human gate with its first choice (default: what the run started with)')
    .option('--quiet', 'print only the result line')
    .option('--json', 'print every event, then the result, as JSON lines')
    .action(async (run: string, options: ReplayOptions) => {
      const { replayCommand } = await import('./commands/replay.js');
      setExitCode(await replayCommand(ctx, run, options));
    });

  program
    .command('attach')
    .description("attach to a task's agent (detach with Ctrl-]; it keeps running), or follow a pipeline run's events")
    .argument('<ref>', 'a task id or slug, or a run id or prefix')
    .option('--detach-key <key>', 'the key that detaches, e.g. ctrl-q (default ctrl-], or $ORCHESTRA_DETACH_KEY)')
    .option('--json', 'runs: print every event, then the result, as JSON lines')
    .action(async (ref: string, options: AttachOptions & AttachTaskOptions) => {
      const { attachTaskCommand } = await import('./task-commands/attach-command.js');
      setExitCode(await attachTaskCommand(ctx, ref, options));
    });

  program
    .command('doctor')
    .description('check the config, the store, git, agent CLIs, provider keys (never printed) and base URLs; exit 1 on any problem')
    .option('--json', 'print { ok, configFile, checks } as JSON')
    .action(async (options: DoctorOptions) => {
      const { doctorCommand } = await import('./commands/doctor.js');
      setExitCode(await doctorCommand(ctx, options));
    });

  registerTaskCommands(program, ctx, setExitCode);
  registerHumanTaskCommands(program, ctx, setExitCode);
  return program;
}

function readVersion(): string {
  // src/cli/ and dist/cli/ are both two levels below package.json.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
