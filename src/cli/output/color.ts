import { styleText } from 'node:util';
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

type Style = Parameters<typeof styleText>[0];
const styles: Record<keyof Palette, Style> = { green: 'green', red: 'red', yellow: 'yellow', cyan: 'cyan', dim: 'dim', bold: 'bold' };

/**
 * Colours from node:util styleText (no dependency). Whether to colour is decided once, by
 * shouldUseColor on the injected stream, so styleText's own check of process.stdout is switched off.
 */
export function createPalette(enabled: boolean): Palette {
  const paint = (name: keyof Palette) =>
    enabled ? (text: string) => styleText(styles[name], text, { validateStream: false }) : (text: string) => text;
  return { green: paint('green'), red: paint('red'), yellow: paint('yellow'), cyan: paint('cyan'), dim: paint('dim'), bold: paint('bold') };
}

export const plainPalette: Palette = createPalette(false);
