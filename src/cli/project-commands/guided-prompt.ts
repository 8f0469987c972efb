import { createInterface } from 'node:readline/promises';
import { OrchestraError } from '../../core/errors.js';
import { escapeTerminalText } from '../../core/terminal-text.js';
import type { CliIo } from '../cli-io.js';
import { isAgentEnvironment, isCiEnvironment } from '../output/color.js';
import { chooseGuidedWorkflows } from './guided-templates.js';

/** Only a person at a terminal is asked; scripts, CI and coding agents get no question (they pass --guided). */
export function canAskAboutGuided(io: CliIo): boolean {
  return (io.stdin as { isTTY?: boolean }).isTTY === true && io.stdout.isTTY === true && !isCiEnvironment(io.env) && !isAgentEnvironment(io.env);
}

const descriptions: Record<string, string> = {
  REFACTOR_WITH_TESTS: 'pin behaviour with tests, refactor in small tested steps, review',
  WORK: 'clarify, plan, implement, verify, summarise',
  SPRINT_TASK: 'tracker task to a reviewed pull request, with a person reviewing',
  SAVE: "save an agent's working state to .orchestra/progress/NAME.md and commit WIP",
  RESUME: 'read saved progress, reconcile with the repository, continue',
};

/**
 * Asks which guided workflows to add: an empty answer (or "none") adds none, "all" adds every one,
 * otherwise names or numbers separated by commas. A bad answer is explained and asked again; the end
 * of input (Ctrl-D) adds none. Lines are read as they come rather than by `rl.question`, which
 * drops lines typed (or pasted) ahead of the question.
 */
export async function askGuidedWorkflows(io: CliIo, available: readonly string[]): Promise<string[]> {
  io.stdout.write('Guided workflows: Markdown processes a coding agent (Claude Code, Opencode…) follows step by step over MCP.\n');
  available.forEach((name, index) => io.stdout.write(`  ${index + 1}. ${name}${descriptions[name] ? ` — ${descriptions[name]}` : ''}\n`));
  const rl = createInterface({ input: io.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  try {
    for (;;) {
      io.stdout.write('Add which to workflows/? (numbers or names separated by commas, "all", or Enter for none) ');
      const line = await lines.next();
      const answer = line.done ? '' : line.value.trim();
      if (answer === '' || answer.toLowerCase() === 'none') return [];
      const names = answer.split(',').map((part) => {
        const number = Number(part.trim());
        return Number.isInteger(number) && number >= 1 && number <= available.length ? available[number - 1]! : part;
      });
      try {
        return chooseGuidedWorkflows(names.join(','), available);
      } catch (error) {
        if (!(error instanceof OrchestraError)) throw error;
        io.stdout.write(`  ${escapeTerminalText(error.message)}\n`);
      }
    }
  } finally {
    rl.close();
  }
}
