import type { z } from 'zod';
import { InteractivePlaceholders, Placeholders, ResumePlaceholders, listPlaceholders, placeholdersIn, usesPlaceholder, type ArgTemplate } from './cli-profile-placeholders.js';
import { completeIssue } from './schema-parts.js';

type Issue = ReturnType<typeof completeIssue>;

/**
 * The keys of a parsed profile these rules read. Named here, not imported from
 * cli-profile-schema.ts, because that module imports this one: no import cycles.
 */
export interface CheckedCliProfile {
  args?: readonly ArgTemplate[] | undefined;
  prompt_via: string;
  config_home?: string | undefined;
  interactive?: CheckedInteractive | undefined;
}

interface CheckedInteractive {
  args: readonly ArgTemplate[];
  resume_args?: readonly ArgTemplate[] | undefined;
  prompt_via?: string | undefined;
  session_id: string;
  status?: string | undefined;
}

/**
 * The rules of a CLI profile that span keys: every placeholder is one the template may use, and
 * the prompt and session id reach the CLI the way prompt_via and session_id say. Each problem is
 * reported at the key it concerns, so orchestra.yaml errors point at the right line.
 */
export function checkCliProfile(stanza: CheckedCliProfile, ctx: z.RefinementCtx): void {
  for (const issue of cliProfileIssues(stanza)) ctx.addIssue(issue);
}

export function cliProfileIssues(stanza: CheckedCliProfile): Issue[] {
  const issues: Issue[] = [];
  if (stanza.args !== undefined) {
    issues.push(...unknownIn(['args'], stanza.args, Placeholders));
    const usesPrompt = usesPlaceholder(stanza.args, 'prompt');
    if (stanza.prompt_via !== 'stdin' && !usesPrompt) {
      issues.push(completeIssue(['args'], `prompt_via is "argument" but no argument contains {prompt}; add "{prompt}" where the CLI expects the prompt, or set prompt_via: stdin`));
    }
    if (stanza.prompt_via === 'stdin' && usesPrompt) {
      issues.push(completeIssue(['args'], 'prompt_via is "stdin" but an argument contains {prompt}; remove it, or set prompt_via: argument'));
    }
  }
  const interactive = stanza.interactive;
  if (interactive !== undefined) issues.push(...interactiveIssues(interactive));
  const home = interactive?.status === undefined ? undefined : hooksHome[interactive.status];
  if (home !== undefined && stanza.config_home !== home) {
    issues.push(completeIssue(['interactive', 'status'], `is "${interactive?.status}", whose hooks go into the config Orchestra writes for config_home: ${home}; add config_home: ${home}`));
  }
  return issues;
}

// The statuses whose hooks live in the config home Orchestra writes (its hooks file or settings).
const hooksHome: Partial<Record<string, string>> = { 'codex-hooks': 'codex', 'gemini-hooks': 'gemini' };

function interactiveIssues(interactive: CheckedInteractive): Issue[] {
  const at = (...path: PropertyKey[]): PropertyKey[] => ['interactive', ...path];
  const issues = unknownIn(at('args'), interactive.args, InteractivePlaceholders);
  if (interactive.resume_args !== undefined) issues.push(...unknownIn(at('resume_args'), interactive.resume_args, ResumePlaceholders, ' (a resumed session already has its prompt)'));
  const usesPrompt = usesPlaceholder(interactive.args, 'prompt');
  const promptVia = interactive.prompt_via;
  if (promptVia === 'argument' && !usesPrompt) issues.push(completeIssue(at('prompt_via'), 'is "argument" but no element of interactive.args contains {prompt}'));
  if ((promptVia === 'type' || promptVia === 'none') && usesPrompt) issues.push(completeIssue(at('prompt_via'), `is "${promptVia}" but interactive.args contains {prompt}`));
  const usesId = usesPlaceholder(interactive.args, 'session_id');
  if (interactive.session_id === 'assign' && !usesId) {
    issues.push(completeIssue(at('session_id'), 'is "assign" but interactive.args does not pass {session_id}; add the CLI\'s flag for a given session id, as in ["--session-id", "{session_id}"]'));
  }
  if (interactive.session_id !== 'assign' && usesId) {
    issues.push(completeIssue(at('args'), `uses {session_id}, which has a value at start only with session_id: assign (it is "${interactive.session_id}")`));
  }
  if (interactive.session_id === 'none' && interactive.resume_args !== undefined) {
    issues.push(completeIssue(at('resume_args'), 'needs a session id to resume, but session_id is "none"; set session_id: assign or report, or remove resume_args'));
  }
  return issues;
}

function unknownIn(path: PropertyKey[], template: readonly ArgTemplate[], known: readonly string[], why = ''): Issue[] {
  const issues: Issue[] = [];
  template.forEach((entry, index) => {
    const elements = typeof entry === 'string' ? [[index, entry] as const] : entry.map((element, inner) => [[index, inner], element] as const);
    for (const [where, element] of elements) {
      const unknown = placeholdersIn(element).find((name) => !known.includes(name));
      if (unknown === undefined) continue;
      const elementPath = typeof where === 'number' ? [...path, where] : [...path, ...where];
      issues.push(completeIssue(elementPath, `unknown placeholder {${unknown}}; use ${listPlaceholders(known)}${unknown === 'prompt' ? why : ''}`));
    }
  });
  return issues;
}
