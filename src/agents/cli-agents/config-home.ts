import { join } from 'node:path';
import { prepareGeminiHome } from './gemini-settings.js';
import type { CliProfile } from './profile.js';

/**
 * Writes the CLI's private configuration home under `sessionDir` when its profile has a
 * `config_home`, and returns the environment variables that point the CLI at it (none otherwise).
 * `hookCommand` (tasks) adds the status hooks; a pipeline node's CLI runs without them.
 */
export async function prepareConfigHome(profile: CliProfile, sessionDir: string, hookCommand?: readonly string[]): Promise<Record<string, string>> {
  switch (profile.configHome) {
    case 'gemini':
      return prepareGeminiHome(join(sessionDir, 'gemini-home'), hookCommand);
    case undefined:
      return {};
  }
}
