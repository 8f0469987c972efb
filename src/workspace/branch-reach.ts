import { gitFailure, runGit, tryGit } from './run-git.js';

/**
 * Read-only questions about where a branch's commits are, for `orchestra cleanup` (issue 14): in the base
 * branch, on the remote, in another branch. Nothing here changes a ref or a file.
 */

/** Local branches whose names start with `prefix`, with their tip commits. */
export async function branchesWithPrefix(dir: string, prefix: string): Promise<Map<string, string>> {
  // for-each-ref matches patterns by whole path segments, and a prefix need not end in "/" (team-): filter here.
  const out = await runGit(dir, ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/heads/']);
  return parseRefLines(out, `refs/heads/`, prefix);
}

/** Every rescue ref (`refs/orchestra/rescue/{runId}/{n}`, left by resumes) with its commit, by run id. */
export async function rescueRefsByRun(dir: string): Promise<Map<string, Map<string, string>>> {
  const out = await runGit(dir, ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/orchestra/rescue/']);
  const byRun = new Map<string, Map<string, string>>();
  for (const [ref, sha] of parseRefLines(out, '', 'refs/orchestra/rescue/')) {
    const runId = ref.split('/')[3];
    if (runId === undefined) continue;
    byRun.set(runId, (byRun.get(runId) ?? new Map<string, string>()).set(ref, sha));
  }
  return byRun;
}

/**
 * The commit of each branch under `prefix` on `remote`: its remote-tracking ref, overridden by what
 * `git ls-remote` says when the remote answers within `timeoutMs`. `reachable: false` when it did not
 * (then only the tracking refs are known).
 */
export async function remoteBranchCommits(dir: string, remote: string, prefix: string, timeoutMs = 20_000): Promise<{ commits: Map<string, string[]>; reachable: boolean }> {
  const commits = new Map<string, string[]>();
  const add = (branch: string, sha: string) => commits.set(branch, [...(commits.get(branch) ?? []), sha]);
  if (!remote.startsWith('-')) {
    const tracking = await runGit(dir, ['for-each-ref', '--format=%(objectname) %(refname)', `refs/remotes/${remote}/`]).catch(() => '');
    for (const [branch, sha] of parseRefLines(tracking, `refs/remotes/${remote}/`, prefix)) add(branch, sha);
  }
  // `--` keeps a remote named like an option from being read as one; ls-remote's patterns match ref tails.
  const listed = remote.startsWith('-') ? undefined : await tryGit(dir, ['ls-remote', '--heads', '--', remote, `refs/heads/${prefix}*`], { timeoutMs }).catch(() => undefined);
  if (listed === undefined || listed.exitCode !== 0) return { commits, reachable: false };
  for (const line of listed.stdout.split('\n')) {
    const match = /^([0-9a-f]{40,64})\trefs\/heads\/(.+)$/.exec(line);
    if (match) add(match[2]!, match[1]!);
  }
  return { commits, reachable: true };
}

/**
 * How many commits reachable from `tip` are reachable from none of `others` (refs or SHAs). SHAs this
 * repository does not have (a remote ahead of the last fetch) are ignored, which can only count more.
 */
export async function commitsOnlyIn(dir: string, tip: string, others: readonly string[]): Promise<number> {
  const args = ['rev-list', '--count', '--ignore-missing', tip, '--not', ...others.filter((other) => other !== '' && !other.startsWith('-'))];
  const result = await tryGit(dir, args);
  if (result.exitCode !== 0) throw gitFailure(dir, args, result);
  return Number(result.stdout.trim());
}

/** The branch cleanup counts as merged into: `base` when configured, else the checkout's current branch, else its HEAD commit. */
export async function mergeTarget(dir: string, base: string | undefined): Promise<{ name: string; ref: string }> {
  if (base !== undefined) return { name: base, ref: `refs/heads/${base}` };
  const branch = await tryGit(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  if (branch.exitCode === 0) return { name: branch.stdout.trim(), ref: `refs/heads/${branch.stdout.trim()}` };
  return { name: 'HEAD', ref: 'HEAD' };
}

function parseRefLines(out: string, strip: string, prefix: string): Map<string, string> {
  const refs = new Map<string, string>();
  for (const line of out.split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0) continue;
    const ref = line.slice(space + 1);
    if (ref.startsWith(`${strip}${prefix}`)) refs.set(ref.slice(strip.length), line.slice(0, space));
  }
  return refs;
}
