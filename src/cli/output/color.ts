import type { CliOutput } from '../cli-io.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Environment variables that mean "a program, not a person, reads this output". Agents are
 * first-class users: they get the same plain text as CI.
 */
const agentVariables = ['CLAUDECODE', 'CLAUDE_CODE_ENTRYPOINT', 'CURSOR_AGENT', 'GEMINI_CLI', 'CODEX_SANDBOX', 'OPENCODE', 'AIDER_MODEL', 'AI_AGENT'] as const;

export function isAgentEnvironment(env: Env): boolean {
  return agentVariables.some((name) => isSet(env[name]));
}

export function isCiEnvironment(env: Env): boolean {
  return isSet(env.CI) && env.CI !== 'false';
}

/** NO_COLOR (no-color.org) always wins; FORCE_COLOR decides next; otherwise only a person at a terminal gets colour. */
export function shouldUseColor(stream: Pick<CliOutput, 'isTTY'>, env: Env): boolean {
  if (isSet(env.NO_COLOR) || env.FORCE_COLOR === '0') return false;
  if (isSet(env.FORCE_COLOR)) return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true && !isCiEnvironment(env) && !isAgentEnvironment(env);
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}

export interface Palette {
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const codes = { green: [32, 39], red: [31, 39], yellow: [33, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22] } as const;

export function createPalette(enabled: boolean): Palette {
  const paint = (name: keyof typeof codes) => {
    const [open, close] = codes[name];
    return enabled ? (text: string) => `\u001b[${open}m${text}\u001b[${close}m` : (text: string) => text;
  };
  return { green: paint('green'), red: paint('red'), yellow: paint('yellow'), cyan: paint('cyan'), dim: paint('dim'), bold: paint('bold') };
}

export const plainPalette: Palette = createPalette(false);
