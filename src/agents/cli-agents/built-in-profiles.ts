import { isCliProfileExtension, mergeCliStanza, type CliAgentEntry, type CliProfileStanza } from '../../config/index.js';
import { cliProfileFromStanza } from './profile-from-stanza.js';
import { parseCliProfile } from './profile-schema.js';
import type { CliProfile } from './profile.js';
import { SessionIdPatterns } from './session-id-rule.js';

/**
 * The CLIs Orchestra knows out of the box, written as the same stanzas a user puts under
 * `cli_agents` (a stanza with the same name there replaces one of these). The prompt goes after
 * `--`, or as `--flag=value`, so that a prompt starting with `-` is not taken for an option.
 * Interactive forms: claude-code, opencode, codex and gemini are checked against the installed CLIs
 * (hooks and plugin included: test/tasks).
 */
/** A proxy and extra CA certificates reach every CLI: without them it cannot reach its provider. */
const network = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'NODE_EXTRA_CA_CERTS'];

const codexTui = ['--no-daemon', '--dangerously-bypass-hook-trust', '--sandbox', 'workspace-write', '--ask-for-approval', 'on-request'];

export const builtInCliStanzas: Readonly<Record<string, CliProfileStanza>> = {
  'claude-code': {
    command: 'claude',
    // acceptEdits and the tool list work as root, where bypassPermissions needs IS_SANDBOX=1.
    args: [
      '--output-format', 'stream-json', '--verbose',
      '--permission-mode', 'acceptEdits',
      '--allowedTools', 'Read,Write,Edit,MultiEdit,Glob,Grep,LS,Bash,TodoWrite',
      ['--model', '{model}'],
      ['--resume', '{resume_id}'],
      '-p', '--', '{prompt}',
    ],
    output: {
      format: 'jsonl',
      text: { path: 'result', when: { type: 'result' } },
      session_id: 'session_id',
      cost_usd: { path: 'total_cost_usd', when: { type: 'result' } },
      turns: { path: 'num_turns', when: { type: 'result' } },
      tool_uses: { path: 'message.content[].name', when: { type: 'assistant' }, reduce: 'count' },
      is_error: { path: 'is_error', when: { type: 'result' } },
    },
    env: { DISABLE_AUTOUPDATER: '1', DISABLE_TELEMETRY: '1', DISABLE_ERROR_REPORTING: '1' },
    pass_env: ['ANTHROPIC_*', 'CLAUDE_*', ...network],
    models: { smart: 'opus', worker: 'sonnet', cheap: 'haiku' },
    npm_package: '@anthropic-ai/claude-code',
    interactive: {
      args: ['--permission-mode', 'acceptEdits', '--session-id', '{session_id}', ['--model', '{model}'], ['--', '{prompt}']],
      resume_args: ['--permission-mode', 'acceptEdits', '--resume', '{session_id}', ['--model', '{model}']],
      session_id: 'assign',
      session_id_pattern: SessionIdPatterns.uuid,
      status: 'claude-hooks',
      prompt_via: 'argument',
    },
  },
  opencode: {
    command: 'opencode',
    args: ['run', '--format', 'json', ['--model', '{model}'], ['--session', '{resume_id}'], '--', '{prompt}'],
    output: {
      format: 'jsonl',
      text: { path: 'part.text', when: { type: 'text' } },
      session_id: 'sessionID',
      cost_usd: { path: 'part.cost', when: { type: 'step_finish' }, reduce: 'sum' },
      turns: { path: 'part.type', when: { type: 'step_finish' }, reduce: 'count' },
      tool_uses: { path: 'part.tool', when: { type: 'tool_use' }, reduce: 'count' },
      is_error: { path: 'error', when: { type: 'error' } },
    },
    npm_package: 'opencode-ai',
    // Its config (OPENCODE_CONFIG*) names the provider; the keys of the common ones come along.
    pass_env: ['OPENCODE_*', 'XDG_*', 'ANTHROPIC_*', 'OPENAI_*', 'GOOGLE_*', 'GEMINI_*', 'OPENROUTER_*', 'GROQ_*', 'MISTRAL_*', ...network],
    // Its option parser takes a value starting with `-` for an option unless written `--flag=value`.
    interactive: {
      args: [['--model={model}'], ['--prompt={prompt}']],
      resume_args: ['--session={session_id}', ['--model={model}']],
      session_id: 'report',
      session_id_pattern: SessionIdPatterns.opencode,
      status: 'opencode-plugin',
      prompt_via: 'argument',
    },
  },
  codex: {
    command: 'codex',
    // Its config is Orchestra's, per session (config_home, codex-home.ts): provider, trust, no update checks.
    config_home: 'codex',
    // Options of `exec` go before `resume`, which takes none of them; stdin is closed, so it reads no extra input.
    args: ['exec', '--json', '--skip-git-repo-check', '--sandbox', 'workspace-write', ['--model', '{model}'], ['resume', '{resume_id}'], '--', '{prompt}'],
    output: {
      format: 'jsonl',
      text: { path: 'item.text', when: { type: 'item.completed', 'item.type': 'agent_message' } },
      session_id: { path: 'thread_id', when: { type: 'thread.started' } },
      turns: { path: 'type', when: { type: 'turn.completed' }, reduce: 'count' },
      tool_uses: { path: 'item.type', when: { type: 'item.completed', 'item.type': 'command_execution' }, reduce: 'count' },
      is_error: { path: 'error', when: { type: 'turn.failed' } },
    },
    npm_package: '@openai/codex',
    pass_env: ['OPENAI_*', 'CODEX_*', ...network],
    interactive: {
      // --no-daemon: no background app-server outlives the TUI. The hooks are Orchestra's own
      // (hooks.json in the session's CODEX_HOME), so their review dialog is skipped.
      args: [...codexTui, ['--model', '{model}'], ['--', '{prompt}']],
      resume_args: ['resume', ...codexTui, ['--model', '{model}'], '--', '{session_id}'],
      session_id: 'report',
      // Codex thread ids are UUIDs (v7), as `thread.started` and its hooks' session_id give them.
      session_id_pattern: SessionIdPatterns.uuid,
      status: 'codex-hooks',
      prompt_via: 'argument',
    },
  },
  gemini: {
    command: 'gemini',
    args: [['--model={model}'], '--approval-mode', 'auto_edit', '--output-format', 'stream-json', '--prompt={prompt}'],
    output: {
      format: 'jsonl',
      // Assistant text arrives in deltas; joined, it is every turn's text (Gemini prints no final answer line).
      text: { path: 'content', when: { type: 'message', role: 'assistant' }, reduce: 'join' },
      session_id: { path: 'session_id', when: { type: 'init' } },
      tool_uses: { path: 'tool_name', when: { type: 'tool_use' }, reduce: 'count' },
    },
    npm_package: '@google/gemini-cli',
    // Else it relaunches itself as a child for a larger heap, and that parent ignores SIGTERM and SIGHUP:
    // one process that stops when told is what a task's PTY and a node's timeout need.
    env: { GEMINI_CLI_NO_RELAUNCH: 'true' },
    // GEMINI_API_KEY and GOOGLE_GEMINI_BASE_URL (a proxy or local server) come from the caller.
    pass_env: ['GEMINI_*', 'GOOGLE_*', ...network],
    // Orchestra writes its settings per session (API-key auth, no trust dialog, no telemetry, hooks).
    config_home: 'gemini',
    interactive: {
      args: ['--approval-mode', 'auto_edit', '--session-id={session_id}', ['--model={model}'], ['--prompt-interactive={prompt}']],
      // Its sessions live in the task's own config home, which outlives a daemon restart.
      resume_args: ['--approval-mode', 'auto_edit', '--resume={session_id}', ['--model={model}']],
      session_id: 'assign',
      session_id_pattern: SessionIdPatterns.uuid,
      status: 'gemini-hooks',
      prompt_via: 'argument',
    },
  },
};

/** The built-in profiles, parsed through the same schema as config stanzas. */
export function builtInCliProfiles(): Record<string, CliProfile> {
  return Object.fromEntries(Object.entries(builtInCliStanzas).map(([name, stanza]) => [name, parseCliProfile(name, stanza, [`built-in profile ${name}`])]));
}

/**
 * The built-in profiles with orchestra.yaml's `cli_agents` on top: a stanza under a built-in's name
 * extends it (mergeCliStanza), the merged whole checked as `cli_agents.<name>`; others are added.
 */
export function cliProfilesFor(cliAgents: Readonly<Record<string, CliAgentEntry>>): Record<string, CliProfile> {
  const profiles = builtInCliProfiles();
  for (const [name, entry] of Object.entries(cliAgents)) {
    if (!isCliProfileExtension(entry)) profiles[name] = cliProfileFromStanza(name, entry);
    else if (Object.hasOwn(builtInCliStanzas, entry.extends)) profiles[name] = parseCliProfile(name, mergeCliStanza(builtInCliStanzas[entry.extends] as CliProfileStanza, entry.changes));
  }
  return profiles;
}
