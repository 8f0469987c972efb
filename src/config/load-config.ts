import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import type { ResolvedConfig } from './config-types.js';
import { discoverConfigFile } from './discover-config.js';
import type { Env } from './parse-config.js';
import { resolveConfig } from './resolve-config.js';

export interface LoadConfigOptions {
  /** Where discovery starts: the pipeline file's directory. */
  startDir: string;
  /** The environment: `ORCHESTRA_HOME`/`HOME` for the user file, provider keys for the default backend. */
  env: Env;
  /** Use this file instead of discovering one. */
  file?: string;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The file read; absent when none was found and the defaults apply. */
  file?: string;
}

/** Finds, parses and validates the config; without a file, every default applies. */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig> {
  const file = options.file ?? discoverConfigFile(options);
  if (file === undefined) return { config: resolveConfig({}, undefined, options.env, existsSync) };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new OrchestraError(ErrorCode.CONFIG, `cannot read the config file ${file}: ${(error as Error).message}`, {
      hint: 'Check that the file exists and is readable.',
      cause: error,
    });
  }
  // YAML and the config's schema are loaded only when there is a file to read (issue 9: run's start).
  const { parseConfig } = await import('./parse-config.js');
  return { config: parseConfig(text, file, options.env), file };
}
