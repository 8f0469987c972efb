/**
 * The `config.toml` Orchestra writes into a Codex session's own CODEX_HOME (never the user's
 * ~/.codex): one OpenAI-compatible provider on the Responses API, the working directory trusted,
 * and nothing that reaches out on its own (update checks, plugins, analytics).
 */
export interface CodexConfigInput {
  /** The provider's base URL, `/v1` included (OPENAI_BASE_URL, else OpenAI's). */
  baseUrl: string;
  /** The variable holding the API key; Codex reads it from its environment, it is never written here. */
  envKey: string;
  /** Codex's model; absent: Codex's own default. */
  model?: string | undefined;
  /** The session's working directory (a task's worktree): trusted, so no folder-trust dialog. */
  trustedDir: string;
}

export const defaultCodexBaseUrl = 'https://api.openai.com/v1';

/** The name of the provider entry Orchestra writes; Codex's built-in ids (openai, ollama) cannot be redefined. */
export const codexProviderId = 'orchestra';

export function codexConfigToml(input: CodexConfigInput): string {
  return [
    '# Written by Orchestra for one session; rewritten at each start. See docs/cli-agents.md.',
    ...(input.model !== undefined ? [`model = ${tomlString(input.model)}`] : []),
    `model_provider = ${tomlString(codexProviderId)}`,
    'check_for_update_on_startup = false',
    '',
    `[model_providers.${codexProviderId}]`,
    'name = "OpenAI-compatible (Orchestra)"',
    `base_url = ${tomlString(input.baseUrl)}`,
    `env_key = ${tomlString(input.envKey)}`,
    'wire_api = "responses"',
    '',
    '[features]',
    'plugins = false',
    'remote_plugin = false',
    '',
    '[analytics]',
    'enabled = false',
    '',
    // Typed text followed by Enter arrives in one read: without this Codex takes it for a paste.
    '[tui]',
    'disable_paste_burst = true',
    '',
    `[projects.${tomlString(input.trustedDir)}]`,
    'trust_level = "trusted"',
    '',
  ].join('\n');
}

/**
 * A TOML basic string. JSON's escapes are TOML's too; TOML also wants DEL escaped. Values come
 * from the environment and paths: data, never TOML source.
 */
export function tomlString(value: string): string {
  return JSON.stringify(value).replaceAll('\u007f', '\\u007F');
}
