// A throwaway project for the tasks benchmark: a git repository with a few files, a trivial
// `.orchestra/setup`, an orchestra.yaml whose `bench` agent is bench/tasks-agent.mjs, and its own
// ORCHESTRA_HOME, so the benchmark's daemon never meets the user's.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const agentScript = fileURLToPath(new URL('./tasks-agent.mjs', import.meta.url));
export const orchestraBin = fileURLToPath(new URL('../bin/orchestra.js', import.meta.url));

/** What `.orchestra/setup` does in each worktree: what a real one does in a few ms (write an env file). */
export const setupScript = '#!/bin/sh\necho "PORT=$ORCHESTRA_PORT" > .env.local\n';

export function createBenchProject() {
  // Short: the daemon's socket path lives under home and must fit in sun_path.
  const root = mkdtempSync(join(tmpdir(), 'obt-'));
  const project = join(root, 'project');
  const home = join(root, 'home');
  mkdirSync(project);
  const git = (...args) => execFileSync('git', args, { cwd: project, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'bench@orchestra.invalid');
  git('config', 'user.name', 'Orchestra Bench');
  // A small source tree, so each worktree checkout writes real files.
  mkdirSync(join(project, 'src'));
  for (let i = 0; i < 50; i++) writeFileSync(join(project, 'src', `module-${i}.js`), `export const value${i} = ${i};\n`.repeat(20));
  writeFileSync(join(project, 'orchestra.yaml'), benchAgentConfig());
  mkdirSync(join(project, '.orchestra'));
  writeFileSync(join(project, '.orchestra/setup'), setupScript);
  chmodSync(join(project, '.orchestra/setup'), 0o755);
  git('add', '.');
  git('commit', '-q', '-m', 'initial');
  const env = { ...process.env, ORCHESTRA_HOME: home, ORCHESTRA_QUIET_DAEMON: '1', NO_COLOR: '1' };
  return {
    root,
    project,
    home,
    env,
    /** Where the tmux peer puts its worktrees (outside the project, as Orchestra's are). */
    peerWorktrees: join(root, 'peer-worktrees'),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

function benchAgentConfig() {
  return `cli_agents:
  bench:
    command: ${JSON.stringify(process.execPath)}
    interactive:
      args: [${JSON.stringify(agentScript)}]
      prompt_via: none
`;
}
