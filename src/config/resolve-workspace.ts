import { resolve } from 'node:path';
import { branchNameProblem, branchPrefixProblem } from '../core/git-ref-format.js';
import { configError } from './config-issues.js';
import type { RawConfig } from './config-schema.js';
import type { ResolvedConfig, ResolvedRepo } from './config-types.js';
import type { YamlSource } from './yaml-locate.js';

/**
 * The `workspace:` section with its defaults; repo paths are relative to the config file's folder. Branch names
 * git would refuse and a second `primary` repo are errors here, at load time, rather than when a run starts.
 */
export function resolveWorkspace(raw: RawConfig['workspace'], source: YamlSource | undefined, dir: string | undefined): ResolvedConfig['workspace'] {
  const repos: Record<string, ResolvedRepo> = {};
  let primary: string | undefined;
  for (const [name, repo] of Object.entries(raw?.repos ?? {})) {
    const at = ['workspace', 'repos', name];
    const branchPrefix = repo.branch_prefix ?? 'orchestra/';
    const prefixProblem = branchPrefixProblem(branchPrefix);
    if (prefixProblem !== undefined) {
      fail(source, [...at, 'branch_prefix'], `workspace.repos.${name}.branch_prefix: git refuses branches named ${JSON.stringify(branchPrefix)}…: ${prefixProblem}.`, 'Use a prefix such as orchestra/ or team-a/ (the rules of git check-ref-format).');
    }
    const baseProblem = repo.base === undefined ? undefined : branchNameProblem(repo.base);
    if (baseProblem !== undefined) {
      fail(source, [...at, 'base'], `workspace.repos.${name}.base: ${JSON.stringify(repo.base)} is not a branch name git accepts: ${baseProblem}.`, 'Name a local branch of the repository, such as main.');
    }
    // The remote is passed to `git push` later; a leading "-" would be read as an option there.
    if (repo.remote?.startsWith('-') === true) {
      fail(source, [...at, 'remote'], `workspace.repos.${name}.remote: ${JSON.stringify(repo.remote)} starts with "-".`, 'Name a remote of the repository (git remote -v lists them), such as origin.');
    }
    if (repo.primary === true) {
      if (primary !== undefined) {
        fail(source, [...at, 'primary'], `workspace.repos.${name}.primary: only one repo can be primary, and ${primary} already is.`, `Keep primary: true on ${primary} or on ${name}, not both.`);
      }
      primary = name;
    }
    repos[name] = {
      name,
      path: resolve(dir ?? '.', repo.path),
      branchPrefix,
      push: repo.push ?? 'on_completion',
      remote: repo.remote ?? 'origin',
      ...(repo.base !== undefined && { base: repo.base }),
      primary: repo.primary === true,
    };
  }
  return { repos, onConflict: raw?.on_conflict ?? 'fail' };
}

function fail(source: YamlSource | undefined, path: string[], message: string, hint: string): never {
  if (!source) throw new Error(`unreachable without a file: ${message}`);
  throw configError(source, path, message, hint);
}
