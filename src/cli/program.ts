import { Command, Option } from 'commander';
import { orchestraVersion } from '../core/package-version.js';
import type { CommandContext } from './command-context.js';
import type { AttachOptions } from './commands/attach.js';
import type { CleanupCommandOptions } from './commands/cleanup.js';
import type { CompileOptions } from './commands/compile.js';
import type { DoctorOptions } from './commands/doctor.js';
import type { NotificationsOptions } from './commands/notifications.js';
import type { ReplayOptions } from './commands/replay.js';
import type { ResumeOptions } from './commands/resume.js';
import type { RunOptions } from './commands/run.js';
import type { StatusOptions } from './commands/status.js';
import type { AttachTaskOptions } from './task-commands/attach-command.js';
import type { TaskStatusOptions } from './task-commands/status-command.js';
import { apiCommandNames, registerApiCommands } from './api-program.js';
import { registerHumanTaskCommands } from './human-program.js';
import { projectCommandNames, registerProjectCommands } from './project-program.js';
import { registerTaskCommands } from './task-program.js';
import { registerTokenCommands, tokenCommandNames } from './token-program.js';

/** Declared by human-program.ts. */
const humanTaskCommandNames = ['inbox', 'answer', 'claim', 'release', 'reassign', 'human-task'] as const;

/** Names of the subcommands, for usage hints. */
export const commandNames = [
  'compile', 'run', 'runs', 'resume', 'replay', 'cleanup', 'doctor', 'notifications',
  'new', 'edit', 'start', 'stop', 'attach', 'complete', 'review', 'status', 'merge', 'cd', 'shell-init', 'diff', 'logs', 'rm', 'watch', 'daemon', 'serve',
  ...humanTaskCommandNames,
  ...projectCommandNames,
  ...tokenCommandNames,
  ...apiCommandNames,
] as const;

/**
 * The command table. Actions are thin: each lazy-imports its module (so `orchestra status` never
 * loads the engine) and reports the exit code through `setExitCode`. With `only`, the one command
 * about to run is declared and no other: declaring all of them cost a cold `orchestra runs` more
 * than its work (issue 9); help, typos and `orchestra` alone get the whole table.
 */
export function createProgram(ctx: CommandContext, setExitCode: (code: number) => void, only?: string): Command {
  const wanted = (name: string) => only === undefined || name === only;
  const program = new Command('orchestra')
    .description('Run AI agents and people together, durably: DOT pipelines checkpointed node by node, and coding agents on tasks in their own git worktrees.')
    .version(orchestraVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
      // main() prints commander's errors in the one error format.
      outputError: () => {},
    })
    .showSuggestionAfterError(true);

  if (wanted('compile')) {
    program
      .command('compile')
      .description('parse and validate a pipeline or a guided workflow; print diagnostics with file:line:col (exit 1 on any error)')
      .argument('<file>', 'the DOT file, or a guided workflow folder (workflows/NAME) or its index.md')
      .option('--json', 'print { file, ok, diagnostics } as JSON on stdout')
      .option('--svg <out>', 'also draw the pipeline as SVG into <out> (only when there is no error)')
      .action(async (file: string, options: CompileOptions) => {
        const { compileCommand } = await import('./commands/compile.js');
        setExitCode(await compileCommand(ctx, file, options));
      });
  }

  if (wanted('run')) {
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
      .option('--detach', 'run in the background (no terminal needed: gates wait for their human tasks) and print the run id')
      .option('--tenant <name>', 'the tenant of the run and its human tasks (default: $ORCHESTRA_TENANT, else "default")')
      .addOption(new Option('--detached-as <run>').hideHelp())
      .addOption(new Option('--source-file <file>').hideHelp())
      .action(async (file: string, variables: string[], options: RunOptions) => {
        const { runCommand } = await import('./commands/run.js');
        setExitCode(await runCommand(ctx, file, variables, options));
      });
  }

  if (wanted('runs')) {
    program
      .command('runs')
      .description('list pipeline runs and workflow instances, newest first, or show one (an unambiguous id prefix is enough)')
      .argument('[run]', 'a run id or prefix')
      .option('--detail', "with a run: its node history and checkpoints")
      .option('--all', 'list every run, not only the 20 newest')
      .option('--json', 'machine-readable output')
      .option('--export <dir>', "with a run: write its run directory's files, rebuilt from the store, into <dir>")
      .option('--tenant <tenant>', 'whose workflow instances are listed beside the runs (default: $ORCHESTRA_TENANT, else "default")')
      .action(async (run: string | undefined, options: StatusOptions) => {
        const { statusCommand } = await import('./commands/status.js');
        setExitCode(await statusCommand(ctx, run, options));
      });
  }

  if (wanted('status')) {
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
  }

  if (wanted('resume')) {
    program
      .command('resume')
      .description('continue an interrupted run from its last checkpoint (nodes already completed are not run again)')
      .argument('<run>', 'a run id or prefix')
      .option('--turn <t>', "continue the interrupted agent node from its turn T: its workspace files as that turn left them (`orchestra attach` shows the turns)")
      .option('--simulate', 'use the simulation backend (default: what the run started with)')
      .option('--auto-approve', 'answer every human gate with its first choice (default: what the run started with)')
      .option('--quiet', 'print only the result line')
      .option('--json', 'print every event, then the result, as JSON lines')
      .addOption(new Option('--detached').hideHelp())
      .action(async (run: string, options: ResumeOptions) => {
        const { resumeCommand } = await import('./commands/resume.js');
        setExitCode(await resumeCommand(ctx, run, options));
      });
  }

  if (wanted('replay')) {
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
      .addOption(new Option('--detached-as <run>').hideHelp())
      .addOption(new Option('--context-file <file>').hideHelp())
      .action(async (run: string, options: ReplayOptions) => {
        const { replayCommand } = await import('./commands/replay.js');
        setExitCode(await replayCommand(ctx, run, options));
      });
  }

  if (wanted('cleanup')) {
    program
      .command('cleanup')
      .description("remove finished runs' session branches and worktrees (workspace: in orchestra.yaml) and stale task worktrees; work neither merged nor pushed is kept unless --force")
      .option('--dry-run', 'print what would be removed and kept, and why; change nothing')
      .option('--older-than <duration>', 'only runs finished at least this long ago, such as 7d or 12h (default: any)')
      .option('--force', 'also remove unmerged, unpushed or uncommitted work and interrupted runs (never a running run)')
      .option('--json', 'print { dryRun, removed, kept, problems, pruned } as JSON')
      .action(async (options: CleanupCommandOptions) => {
        const { cleanupCommand } = await import('./commands/cleanup.js');
        setExitCode(await cleanupCommand(ctx, options));
      });
  }

  if (wanted('attach')) {
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
  }

  if (wanted('doctor')) {
    program
      .command('doctor')
      .description('check the config, the store, git, agent CLIs, provider keys (never printed) and base URLs; exit 1 on any problem')
      .option('--json', 'print { ok, configFile, checks } as JSON')
      .action(async (options: DoctorOptions) => {
        const { doctorCommand } = await import('./commands/doctor.js');
        setExitCode(await doctorCommand(ctx, options));
      });
  }

  if (wanted('notifications')) {
    program
      .command('notifications')
      .description('the notification delivery log, newest first: time, event, task, channel, status, attempts, last error')
      .option('--failed', 'only failed deliveries (waiting for a retry) and dead ones (given up)')
      .option('--all', 'every delivery, not only the 50 newest')
      .option('--tenant <name>', 'the tenant (default: $ORCHESTRA_TENANT, else "default")')
      .option('--json', 'print { tenant, deliveries, more } as JSON')
      .action(async (options: NotificationsOptions) => {
        const { notificationsCommand } = await import('./commands/notifications.js');
        setExitCode(await notificationsCommand(ctx, options));
      });
  }

  registerTaskCommands(program, ctx, setExitCode, wanted);
  registerProjectCommands(program, ctx, setExitCode, wanted);
  registerApiCommands(program, ctx, setExitCode, wanted);
  // One function declares them all; they share a heading and a lazily loaded module.
  if (humanTaskCommandNames.some(wanted)) registerHumanTaskCommands(program, ctx, setExitCode);
  if (tokenCommandNames.some(wanted)) registerTokenCommands(program, ctx, setExitCode);
  return program;
}
