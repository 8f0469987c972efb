import { runVersion } from '../../agents/cli-agents/index.js';
import { resolveCommand } from '../../agents/cli-agents/resolve-command.js';
import { missingKeyError } from '../../agents/llm/api-key.js';
import { defaultNotifications, loadConfig, noPeople, providerKeyStatus, type ResolvedConfig } from '../../config/index.js';
import { ExitCode, formatLocation, isOrchestraError } from '../../core/index.js';
import { damagedStoreHint, migrations, openSqliteStore } from '../../store/sqlite/index.js';
import type { CommandContext } from '../command-context.js';
import { resolveStoreLocation } from '../store-location.js';
import { escapeTerminalText } from '../../core/terminal-text.js';
import { checkAgentClis } from './doctor-agent-clis.js';
import { checkBaseUrls } from './doctor-base-urls.js';
import { checkHumanTasks } from './doctor-human-tasks.js';
import type { DoctorCheck } from './doctor-check.js';

export type { DoctorCheck } from './doctor-check.js';

export interface DoctorOptions {
  json?: boolean;
}

type Env = CommandContext['io']['env'];

const versionTimeoutMs = 15_000;
const gitInstall = 'install git from your system packages (e.g. apt-get install git)';

/**
 * `orchestra doctor`: checks the config, the store, git, the agent CLIs (found as `run` finds
 * them), provider keys (set or not, never their values), configured base URLs, and the local
 * tenant's human tasks (overdue tasks, timers nobody sweeps, failed notices). Exit 0 when
 * nothing is a problem, 1 otherwise.
 */
export async function doctorCommand(ctx: CommandContext, options: DoctorOptions): Promise<number> {
  const { io } = ctx;
  const { checks: configChecks, config, file } = await checkConfig(io.cwd, io.env);
  const checks = [
    ...configChecks,
    await checkStore(io.env),
    await checkGit(io.env, io.cwd),
    ...(await checkAgentClis(config, io.env, io.cwd)),
    ...checkKeys(config, io.env),
    ...(await checkBaseUrls(config)),
    ...(await checkHumanTasks(io.env, Date.now())),
  ];
  const problems = checks.filter((check) => check.status === 'problem').length;
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ ok: problems === 0, configFile: file ?? null, checks })}\n`);
  } else {
    for (const check of checks) io.stdout.write(formatCheck(ctx, check));
    io.stdout.write(problems === 0 ? `${ctx.out.green('No problems found.')}\n` : `${ctx.out.red(`${problems} problem${problems === 1 ? '' : 's'} found.`)}\n`);
  }
  return problems === 0 ? ExitCode.OK : ExitCode.FAILED;
}

function formatCheck(ctx: CommandContext, check: DoctorCheck): string {
  const mark = check.status === 'ok' ? ctx.out.green('ok     ') : check.status === 'problem' ? ctx.out.red('problem') : ctx.out.dim('-      ');
  // Details quote config values and error messages: escaped, so each check keeps its lines.
  const fix = check.fix ? `\n          fix: ${escapeTerminalText(check.fix)}` : '';
  return `${mark} ${escapeTerminalText(check.name)}: ${escapeTerminalText(check.detail)}${fix}\n`;
}

async function checkConfig(cwd: string, env: Env): Promise<{ checks: DoctorCheck[]; config: ResolvedConfig | undefined; file?: string }> {
  try {
    const { config, file } = await loadConfig({ startDir: cwd, env });
    const source = file ?? `no config file (defaults; backend ${config.backend})`;
    const detail = file ? `${file} (backend ${config.backend}${config.backendSource === 'default' ? ', by default' : ''})` : source;
    return { checks: [{ area: 'config', name: 'config', status: 'ok', detail }], config, ...(file !== undefined && { file }) };
  } catch (error) {
    if (!isOrchestraError(error)) throw error;
    const where = error.location ? `${formatLocation(error.location)}: ` : '';
    const fix = error.hint ?? 'Fix the config file.';
    return { checks: [{ area: 'config', name: 'config', status: 'problem', detail: `${where}${error.message}`, fix }], config: undefined };
  }
}

async function checkStore(env: Env): Promise<DoctorCheck> {
  const { dbPath } = resolveStoreLocation(env);
  try {
    // Opening applies any pending migration, so success means the schema is current.
    const store = await openSqliteStore(dbPath);
    let health;
    try {
      health = await store.checkHealth();
    } finally {
      await store.close();
    }
    const findings = [...health.pages, ...health.rows];
    if (findings.length === 0) return { area: 'store', name: 'store', status: 'ok', detail: `${dbPath} (schema version ${migrations.length - 1}, current; pages, indexes and rows sound)` };
    const detail = `${dbPath} is damaged (E_STORE_CORRUPT):\n          ${findings.join('\n          ')}`;
    return { area: 'store', name: 'store', status: 'problem', detail, fix: damagedStoreHint(dbPath) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const fix = isOrchestraError(error) && error.hint ? error.hint : 'Set ORCHESTRA_HOME to a directory you may write to.';
    return { area: 'store', name: 'store', status: 'problem', detail: `${dbPath}: ${message}`, fix };
  }
}

async function checkGit(env: Env, cwd: string): Promise<DoctorCheck> {
  const path = resolveCommand('git', env as NodeJS.ProcessEnv, cwd);
  if (path === undefined) return { area: 'git', name: 'git', status: 'problem', detail: `not installed (${gitInstall})`, fix: gitInstall };
  const version = await runVersion(path, ['--version'], env as NodeJS.ProcessEnv, cwd, versionTimeoutMs);
  if (version.ok) return { area: 'git', name: 'git', status: 'ok', detail: `${version.text} (${path})` };
  return { area: 'git', name: 'git', status: 'problem', detail: `${path} --version failed: ${version.text}`, fix: `reinstall: ${gitInstall}` };
}

function checkKeys(config: ResolvedConfig | undefined, env: Env): DoctorCheck[] {
  const statuses = providerKeyStatus(config ?? emptyConfig, env);
  return statuses.map((status): DoctorCheck => {
    const users = status.usedBy.length > 0 ? ` (used by provider ${status.usedBy.join(', ')})` : '';
    const missing = !status.set && status.usedBy.length > 0;
    return {
      area: 'provider-key',
      name: status.variable,
      status: missing ? 'problem' : status.set ? 'ok' : 'info',
      detail: `${status.set ? 'set' : 'not set'}${users}`,
      // The hint `run` gives when it refuses to start without the key.
      ...(missing && { fix: missingKeyError(status.usedBy[0] ?? '', [status.variable]).hint ?? '' }),
    };
  });
}

const emptyConfig: ResolvedConfig = { backend: 'simulation', backendSource: 'default', providers: { byName: {} }, agents: {}, workspace: { repos: {}, onConflict: 'fail' }, agent: { passEnv: [], shellSandbox: 'none' }, cliAgents: {}, notifications: defaultNotifications(), people: noPeople, http: { corsOrigins: [] } };
