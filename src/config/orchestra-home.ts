import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `$ORCHESTRA_HOME`, else `~/.orchestra`: the same rule as store/home.ts, repeated here because
 * config sits below store in the layer order.
 */
export function orchestraHome(env: Env): string {
  const configured = env.ORCHESTRA_HOME?.trim();
  if (configured) return resolve(configured);
  return join(env.HOME?.trim() || homedir(), '.orchestra');
}
