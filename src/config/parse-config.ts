import { existsSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { ErrorCode, OrchestraError } from '../core/errors.js';
import { excerptAt } from '../core/source-location.js';
import { configIssueError } from './config-issues.js';
import { configSchema } from './config-schema.js';
import type { ResolvedConfig } from './config-types.js';
import { resolveConfig } from './resolve-config.js';
import type { YamlSource } from './yaml-locate.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Parses and validates config text as if read from `file` (layer paths resolve against its directory). */
export function parseConfig(text: string, file: string, env: Env, fileExists: (path: string) => boolean = existsSync): ResolvedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source: YamlSource = { file, text, doc, lines };
  const [syntax] = doc.errors;
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    const location = { file, line, column: col };
    throw new OrchestraError(ErrorCode.CONFIG, `invalid YAML: ${syntax.message.split('\n')[0]}`, {
      location,
      detail: excerptAt(text, location),
      hint: 'Fix the YAML syntax; indent nested keys with spaces, not tabs.',
    });
  }
  const data: unknown = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    const location = { file, line: 1, column: 1 };
    throw new OrchestraError(ErrorCode.CONFIG, 'the config must be a mapping of keys (backend, providers, agents, workspace, cli_agents, notifications, people, http).', {
      location,
      detail: excerptAt(text, location),
      hint: 'docs/configuration.md shows a complete example.',
    });
  }
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) throw configIssueError(source, parsed.error.issues[0] as never, data, configSchema);
  return resolveConfig(parsed.data, source, env, fileExists);
}
