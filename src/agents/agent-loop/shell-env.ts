/** Variable names that carry credentials; the model's commands do not get them. */
const secretName = /(?:API_?KEY|TOKEN|SECRET|PASSWORD|CREDENTIALS?)$/i;

/**
 * The environment the agent's shell commands and hooks run with: the given one minus variables
 * whose names say they hold a secret, so a prompt-injected command cannot read a provider key.
 */
export function shellEnvFrom(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !secretName.test(name)) result[name] = value;
  }
  return result;
}
