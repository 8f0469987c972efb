import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryOf, loadConfig, providerKeyStatus, type ResolvedConfig } from '../../config/index.js';
import { ExitCode, formatLocation, isOrchestraError } from '../../core/index.js';
import { damagedStoreHint, migrations, openSqliteStore } from '../../store/sqlite/index.js';
import type { CommandContext } from '../command-context.js';
import { resolveStoreLocation } from '../store-location.js';
import { escapeTerminalText } from '../../core/terminal-text.js';

export interface DoctorOptions {
  json?: boolean;
}

/** One line of the report. `problem` lines carry a fix and make the exit code 1. */
export interface DoctorCheck {
  area: 'config' | 'store' | 'git' | 'agent-cli' | 'provider-key' | 'base-url';
  name: string;
  status: 'ok' | 'problem' | 'info';
  detail: string;
  fix?: string;
}

type Env = CommandContext['io']['env'];

/** The coding-agent CLIs Orchestra has built-in profiles for: command and npm package. */
const agentClis = [
  { profile: 'claude-code', command: 'claude', install: 'npm install -g @anthropic-ai/claude-code' },
  { profile: 'opencode', command: 'opencode', install: 'npm install -g opencode-ai' },
  { profile: 'codex', command: 'codex', install: 'npm install -g @openai/codex' },
  { profile: 'gemini', command: 'gemini', install: 'npm install -g @google/gemini-cli' },
] as const;

const probeTimeoutMs = 2_000;
const versionTimeoutMs = 15_000;

/**
 * `orchestra doctor`: checks the config, the store, git, the agent CLIs, provider keys (set or not,
 * never their values) and configured base URLs. Exit 0 when nothing is a problem, 1 otherwise.
 */
export async function doctorCommand(ctx: CommandContext, options: DoctorOptions): Promise<number> {
  const { io } = ctx;
  const { checks: configChecks, config, file } = await checkConfig(io.cwd, io.env);
  const searchDirs = executableDirs(io.env, io.cwd);
  const checks = [
    ...configChecks,
    await checkStore(io.env),
    await checkTool('git', 'git', searchDirs, io.env, { required: true, install: 'install git from your system packages (e.g. apt-get install git)' }),
    ...(await checkAgentClis(config, searchDirs, io.env)),
    ...checkKeys(config, io.env),
    ...(await checkBaseUrls(config)),
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

async function checkAgentClis(config: ResolvedConfig | undefined, dirs: readonly string[], env: Env): Promise<DoctorCheck[]> {
  const needed = neededCliCommands(config);
  const builtIns = agentClis.map((cli) => ({ command: cli.command, install: cli.install }));
  const custom = Object.values(config?.cliAgents ?? {})
    .filter((profile) => !builtIns.some((cli) => cli.command === profile.command))
    .map((profile) => ({ command: profile.command, install: profile.install ?? `install ${profile.command} and put it on PATH` }));
  const checks: DoctorCheck[] = [];
  for (const cli of [...builtIns, ...custom]) {
    checks.push(await checkTool(cli.command, cli.command, dirs, env, { required: needed.has(cli.command), install: cli.install }));
  }
  return [...checks, ...cliBackendCheck(config, checks)];
}

/** Commands the config will run: the CLI profile each agent names (built-in or from `cli_agents`). */
function neededCliCommands(config: ResolvedConfig | undefined): Set<string> {
  const needed = new Set<string>();
  for (const agent of Object.values(config?.agents ?? {})) {
    if (agent.cli === undefined || !config) continue;
    needed.add(entryOf(config.cliAgents, agent.cli)?.command ?? agentClis.find((cli) => cli.profile === agent.cli)?.command ?? agent.cli);
  }
  return needed;
}

/** With `backend: cli`, at least one agent CLI has to be there. */
function cliBackendCheck(config: ResolvedConfig | undefined, checks: readonly DoctorCheck[]): DoctorCheck[] {
  if (config?.backend !== 'cli' || checks.some((check) => check.status === 'ok')) return [];
  const fix = agentClis[0].install;
  return [{ area: 'agent-cli', name: 'backend cli', status: 'problem', detail: 'the config selects the cli backend but no agent CLI is installed', fix }];
}

async function checkTool(name: string, command: string, dirs: readonly string[], env: Env, need: { required: boolean; install: string }): Promise<DoctorCheck> {
  const path = findExecutable(command, dirs);
  const area = name === 'git' ? 'git' : 'agent-cli';
  if (!path) {
    const detail = `not installed (${need.install})`;
    return need.required ? { area, name, status: 'problem', detail, fix: need.install } : { area, name, status: 'info', detail };
  }
  const version = await runVersion(path, env);
  if (version.ok) return { area, name, status: 'ok', detail: `${version.text} (${path})` };
  const detail = `${path} --version failed: ${version.text}`;
  return need.required ? { area, name, status: 'problem', detail, fix: `reinstall: ${need.install}` } : { area, name, status: 'info', detail };
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
      ...(missing && { fix: `export ${status.variable}=<your key> (or remove the provider from orchestra.yaml)` }),
    };
  });
}

async function checkBaseUrls(config: ResolvedConfig | undefined): Promise<DoctorCheck[]> {
  const providers = Object.values(config?.providers.byName ?? {}).filter((provider) => provider.baseUrl !== undefined);
  return Promise.all(
    providers.map(async (provider): Promise<DoctorCheck> => {
      const url = provider.baseUrl as string;
      const name = `providers.${provider.name}.base_url`;
      try {
        const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(probeTimeoutMs) });
        // Any HTTP answer means a server is there; a 404 on the bare base URL is normal.
        return { area: 'base-url', name, status: 'ok', detail: `${url} answered (HTTP ${response.status})` };
      } catch (error) {
        const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
        const detail = `${url} did not answer within ${probeTimeoutMs / 1000} s (${reason === 'TimeoutError' ? 'timed out' : reason})`;
        return { area: 'base-url', name, status: 'problem', detail, fix: `start the server at ${url}, or correct ${name} in orchestra.yaml` };
      }
    }),
  );
}

/** PATH, then node_modules/.bin of the working directory and its parents, then Orchestra's own. */
function executableDirs(env: Env, cwd: string): string[] {
  const fromPath = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const local: string[] = [];
  for (let dir = cwd, parent = dirname(cwd); ; dir = parent, parent = dirname(parent)) {
    local.push(join(dir, 'node_modules', '.bin'));
    if (parent === dir) break;
  }
  // src/cli/commands/ and dist/cli/commands/ are three levels below the package root.
  const own = join(fileURLToPath(new URL('../../../', import.meta.url)), 'node_modules', '.bin');
  return [...new Set([...fromPath, ...local, own])];
}

function findExecutable(command: string, dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function runVersion(path: string, env: Env): Promise<{ ok: boolean; text: string }> {
  return new Promise((resolve) => {
    const child = spawn(path, ['--version'], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'], timeout: versionTimeoutMs });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ ok: false, text: error.message }));
    child.on('close', (code, signal) => {
      const firstLine = output.trim().split('\n')[0] ?? '';
      resolve(code === 0 ? { ok: true, text: firstLine } : { ok: false, text: signal ? `killed by ${signal}` : `exit ${code}: ${firstLine}` });
    });
  });
}

const emptyConfig: ResolvedConfig = { backend: 'simulation', backendSource: 'default', providers: { byName: {} }, agents: {}, workspace: { repos: {} }, agent: { passEnv: [], shellSandbox: 'none' }, cliAgents: {} };
