import type { Identity } from '../humans/people/resolve-actor.js';
import { tryGit } from '../workspace/run-git.js';
import type { CommandContext } from './command-context.js';

/** Who the local user says they are: ORCHESTRA_USER, else git's user.email; undefined when neither is set. */
export async function actingIdentity(ctx: CommandContext): Promise<Identity | undefined> {
  const fromEnv = ctx.io.env.ORCHESTRA_USER;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { value: fromEnv, source: 'ORCHESTRA_USER' };
  try {
    const result = await tryGit(ctx.io.cwd, ['config', '--get', 'user.email']);
    const email = result.stdout.trim();
    return result.exitCode === 0 && email !== '' ? { value: email, source: 'git config user.email' } : undefined;
  } catch {
    // No git installed: nobody to ask.
    return undefined;
  }
}
