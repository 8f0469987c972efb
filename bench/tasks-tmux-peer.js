// The peer: the same agents started the way people do without Orchestra, a shell loop doing per
// task `git worktree add` + the setup script + `tmux new-session -d`, on a private tmux server.
// A loop, not all at once: concurrent `git worktree add` on one repository fails in git 2.39
// ("failed to read .git/worktrees/<other>/commondir"). Without tmux, `setsid script` keeps the
// agent in a PTY instead (and no attach or server memory can be compared).
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agentScript } from './tasks-project.js';
import { processMemory } from './tasks-daemon.js';

export function createPeer(bench) {
  const tmux = hasTmux();
  const env = { ...process.env };
  delete env.TMUX; // inside the user's tmux, ours must not nest into theirs
  return {
    tmux,
    kind: tmux ? 'tmux' : 'setsid script (tmux is not installed)',
    socket: join(bench.root, 'tmux.sock'),
    pidFile: join(bench.root, 'peer-pids'),
    cwd: bench.project,
    env,
  };
}

/** ms until every task has its worktree, ran its setup and has a live agent in a PTY. */
export async function startPeerTasks(bench, peer, count) {
  const agent = `${shellQuote(process.execPath)} ${shellQuote(agentScript)}`;
  const launch = peer.tmux
    ? `tmux -S "$SOCK" new-session -d -s "$name" -x 100 -y 30 -c "$wt" -e BENCH_AGENT_NAME="$name" ${agent}`
    : `(cd "$wt" && BENCH_AGENT_NAME="$name" setsid script -qfc ${shellQuote(agent)} /dev/null </dev/null >/dev/null 2>&1 & echo $! >> "$PIDS")`;
  const script = `set -e
for i in $(seq 1 ${count}); do
  name=peer-$i; wt="$WORKTREES/$name"
  git worktree add -q -b "peer/$name" "$wt" main
  (cd "$wt" && ORCHESTRA_WORKTREE="$wt" ORCHESTRA_PORT=$((40000 + i)) "$PWD/.orchestra/setup")
  ${launch}
done`;
  const began = performance.now();
  await new Promise((resolve, reject) => {
    execFile('sh', ['-c', script], { cwd: bench.project, env: { ...peer.env, SOCK: peer.socket, PIDS: peer.pidFile, WORKTREES: bench.peerWorktrees } }, (error, _stdout, stderr) =>
      error ? reject(new Error(`the ${peer.kind} peer failed: ${stderr.trim() || error.message}`)) : resolve(),
    );
  });
  const ms = performance.now() - began;
  const agents = peer.tmux ? execFileSync('tmux', ['-S', peer.socket, 'list-panes', '-a', '-F', '#{pane_pid}'], { encoding: 'utf8' }).trim().split('\n') : peerPids(peer);
  if (agents.length !== count) throw new Error(`the ${peer.kind} peer has ${agents.length} agents, not ${count}`);
  return ms;
}

/** The tmux server's resident memory with the agents in it (it holds every pane's screen and history). */
export function peerServerMemory(peer) {
  if (!peer.tmux) return undefined;
  const pid = Number(execFileSync('tmux', ['-S', peer.socket, 'display-message', '-p', '#{pid}'], { encoding: 'utf8' }).trim());
  return { pid, ...processMemory(pid) };
}

export function sendToPeer(peer, session, text) {
  if (peer.tmux) execFileSync('tmux', ['-S', peer.socket, 'send-keys', '-t', session, text, 'Enter']);
}

export function stopPeer(peer) {
  for (const pid of peerPids(peer)) {
    try {
      process.kill(-Number(pid), 'SIGKILL');
    } catch {
      // gone already
    }
  }
  if (!peer.tmux) return;
  try {
    execFileSync('tmux', ['-S', peer.socket, 'kill-server'], { stdio: 'ignore' });
  } catch {
    // no server left
  }
}

function peerPids(peer) {
  try {
    return readFileSync(peer.pidFile, 'utf8').trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

function hasTmux() {
  try {
    execFileSync('sh', ['-c', 'command -v tmux'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function shellQuote(text) {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
