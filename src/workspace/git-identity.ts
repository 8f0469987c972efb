import { tryGit } from './run-git.js';

const FALLBACK = { 'user.name': 'Orchestra', 'user.email': 'orchestra@localhost' } as const;

/**
 * `-c user.name=… -c user.email=…` for the identity parts the repository lacks, so commits Orchestra makes
 * on the user's behalf never fail for want of an identity, while a configured identity is always used as is.
 */
export async function identityArgs(dir: string): Promise<string[]> {
  const args: string[] = [];
  for (const [key, value] of Object.entries(FALLBACK)) {
    const configured = await tryGit(dir, ['config', '--get', key]);
    if (configured.exitCode !== 0 || configured.stdout.trim() === '') args.push('-c', `${key}=${value}`);
  }
  return args;
}
