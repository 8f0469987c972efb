import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';

type SetExitCode = (code: number) => void;

/**
 * Task commands (seed 002): each a thin client of the daemon, its module loaded only when it runs
 * (the TUI's Ink and React must not weigh on `start`, `hook` or the daemon itself).
 */
export function registerTaskCommands(program: Command, ctx: CommandContext, setExitCode: SetExitCode, wanted: (name: string) => boolean): void {

  if (wanted('new')) {
    program
      .command('new')
      .description('create a draft task: .orchestra/tasks/<id>:<slug>.md (the description from -m, else $EDITOR)')
      .argument('<slug>', 'a short name: lowercase letters, digits and hyphens')
      .option('-m, --message <text>', 'the description (skips the editor)')
      .option('--base <branch>', 'the branch to start from and merge into (default: the current branch)')
      .option('--agent <name>', 'the agent profile: claude-code, opencode, codex, gemini or one from cli_agents')
      .option('--json', 'print the task as JSON')
      .action(async (slug: string, options) => setExitCode(await (await import('./task-commands/new-task.js')).newTaskCommand(ctx, slug, { ...options, message: options.message })));
  }

  if (wanted('edit')) {
    program
      .command('edit')
      .description("open a task's file in $EDITOR")
      .argument('<task>', 'id or slug')
      .action(async (ref: string) => setExitCode(await (await import('./task-commands/lifecycle.js')).editTaskCommand(ctx, ref)));
  }

  if (wanted('start')) {
    program
      .command('start')
      .description("start a task's agent in the background: worktree on orchestra/<id>-<slug>, setup script, agent in a PTY")
      .argument('<task>', 'id or slug')
      .option('--agent <name>', 'the agent profile to use (remembered for the task)')
      .option('--json', 'print the task as JSON')
      .action(async (ref: string, options) => setExitCode(await (await import('./task-commands/lifecycle.js')).startTaskCommand(ctx, ref, options)));
  }

  for (const [name, method, verb, description] of [
    ['stop', 'task.stop', 'stopped', "stop a task's agent (the worktree stays; start resumes the session)"],
    ['complete', 'task.complete', 'completed', 'mark a task completed (attach and type feedback to reopen it)'],
    ['review', 'task.review', 'reviewed', 'mark a completed task reviewed'],
  ] as const) {
    if (!wanted(name)) continue;
    program
      .command(name)
      .description(description)
      .argument('<task>', 'id or slug')
      .option('--json', 'print the task as JSON')
      .action(async (ref: string, options) => setExitCode(await (await import('./task-commands/lifecycle.js')).simpleTaskCommand(method, verb)(ctx, ref, options)));
  }

  if (wanted('merge')) {
    program
      .command('merge')
      .description("merge a task's branch into its base branch, then remove its worktree (refuses on a dirty checkout or a conflict)")
      .argument('<task>', 'id or slug')
      .option('--squash', 'one commit on the base branch')
      .option('--rebase', 'rebase the task onto the base branch, then fast-forward')
      .option('--keep', 'keep the worktree and the branch')
      .option('--json', 'print the result as JSON')
      .action(async (ref: string, options) => setExitCode(await (await import('./task-commands/worktree-commands.js')).mergeCommand(ctx, ref, options)));
  }

  if (wanted('cd')) {
    program
      .command('cd')
      .description("print a task's worktree path (with `orchestra shell-init`, changes into it)")
      .argument('<task>', 'id or slug')
      .action(async (ref: string) => setExitCode(await (await import('./task-commands/worktree-commands.js')).cdCommand(ctx, ref)));
  }

  if (wanted('shell-init')) {
    program
      .command('shell-init')
      .description('print a shell function that makes `orchestra cd <task>` change directory')
      .option('--shell <name>', 'bash, zsh or fish (default: from $SHELL)')
      .action(async (options) => setExitCode((await import('./task-commands/shell-init.js')).shellInitCommand(ctx, options)));
  }

  if (wanted('diff')) {
    program
      .command('diff')
      .description('what a task changed against its base branch (committed or not)')
      .argument('<task>', 'id or slug')
      .action(async (ref: string) => setExitCode(await (await import('./task-commands/worktree-commands.js')).diffCommand(ctx, ref)));
  }

  if (wanted('logs')) {
    program
      .command('logs')
      .description("a task's agent output as text (kept after the agent exits)")
      .argument('<task>', 'id or slug')
      .option('-n, --lines <n>', 'only the last n lines')
      .option('--raw', 'with terminal escapes, as the agent wrote them')
      .option('-f, --follow', 'then each new line, until the agent ends or Ctrl-C')
      .action(async (ref: string, options) => setExitCode(await (await import('./task-commands/worktree-commands.js')).logsCommand(ctx, ref, options)));
  }

  if (wanted('rm')) {
    program
      .command('rm')
      .description('remove a task: its file, worktree, branch and logs (unmerged work needs --force)')
      .argument('<task>', 'id or slug')
      .option('--force', 'also when the agent runs or the work is not merged')
      .action(async (ref: string, options) => setExitCode(await (await import('./task-commands/worktree-commands.js')).removeCommand(ctx, ref, options)));
  }

  if (wanted('watch')) {
    program
      .command('watch')
      .description('a live table of the tasks of every project; keys to attach, start and stop')
      .action(async () => setExitCode(await (await import('./task-commands/watch-command.js')).watchCommand(ctx)));
  }

  if (wanted('daemon')) {
    program
      .command('daemon')
      .description('the background daemon that runs agents: start | stop | restart | status | logs')
      .argument('<action>', 'start, stop, restart (agents resume their sessions), status or logs')
      .option('--json', 'status as JSON')
      .option('-n, --lines <n>', 'logs: the last n lines (default 50)')
      .action(async (action: string, options) => setExitCode(await (await import('./task-commands/daemon-command.js')).daemonSubcommand(ctx, action, options)));
  }

  if (wanted('serve')) {
    program
      .command('serve')
      .description('run the daemon in the foreground with its HTTP API (REST, OpenAPI): for a server; Ctrl-C stops it')
      .option('--host <host>', 'the address to listen on (default $ORCHESTRA_HTTP_HOST, else http.host of config.yaml, else 127.0.0.1; anything else is reachable from other machines)')
      .option('--port <port>', 'the port (default $ORCHESTRA_HTTP_PORT, else http.port of config.yaml, else 4777; 0 picks any free port)')
      .action(async (options: { host?: string; port?: string }) => setExitCode(await (await import('./task-commands/serve-command.js')).serveCommand(ctx, options)));
  }

  if (wanted('hook')) {
    program
      .command('hook', { hidden: true })
      .argument('<source>', 'claude, opencode, codex or gemini')
      .option('--approve', "answer Claude's PermissionRequest with a person's decision (a human task)")
      .action(async (source: string, options: { approve?: boolean }) => setExitCode(await (await import('./task-commands/hook-command.js')).hookCommand(ctx, source, options)));
  }
}
