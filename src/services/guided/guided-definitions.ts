import { didYouMean } from '../../core/closest-name.js';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import type { GuidedDefinition } from '../../guided/definition.js';
import { findGuidedDefinition, listGuidedDefinitions, type GuidedDefinitionEntry } from '../../guided/list-definitions.js';
import { loadGuidedDefinition } from '../../guided/load-definition.js';
import { formatDiagnostic, isError, type Diagnostic } from '../../pipeline/validate/index.js';

type Env = Readonly<Record<string, string | undefined>>;

/** The definition named `name` in the project, validated; E_GUIDED_WORKFLOW_NOT_FOUND or E_GUIDED_DEFINITION otherwise. */
export async function guidedDefinitionOf(projectDir: string, env: Env, name: string): Promise<GuidedDefinition> {
  const entry = await findGuidedDefinition(projectDir, env, name);
  if (entry === undefined) {
    const names = (await listGuidedDefinitions(projectDir, env)).map((found) => found.name);
    throw new OrchestraError(ErrorCode.GUIDED_WORKFLOW_NOT_FOUND, `no guided workflow ${JSON.stringify(name)} in ${projectDir}`, {
      hint: names.length === 0 ? 'Add workflows/NAME/index.md (`orchestra init --guided` adds five), or set WORKFLOW_DEFINITIONS_DIR.' : [didYouMean(name, names).trim(), `list_workflows (\`orchestra guided list\`) shows them: ${names.join(', ')}.`].filter(Boolean).join(' '),
    });
  }
  return definitionOrThrow(entry, name);
}

/** A stored instance's definition, reloaded from its folder. */
export async function loadDefinitionOrThrow(dir: string, name: string): Promise<GuidedDefinition> {
  return definitionOrThrow(await loadGuidedDefinition(dir), name);
}

function definitionOrThrow(loaded: { definition?: GuidedDefinition; diagnostics: Diagnostic[] }, name: string): GuidedDefinition {
  if (loaded.definition !== undefined) return loaded.definition;
  const errors = loaded.diagnostics.filter(isError);
  throw new OrchestraError(ErrorCode.GUIDED_DEFINITION, `the guided workflow ${name} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}: ${errors.map(formatDiagnostic).join('; ')}`, {
    hint: `\`orchestra compile workflows/${name}\` shows each at its line; fix them and try again.`,
  });
}

/** What list_workflows shows of each definition: enough for an agent to pick one and fill its context. */
export function summarizeDefinition(entry: GuidedDefinitionEntry): { name: string; valid: boolean; [field: string]: unknown } {
  const definition = entry.definition;
  if (definition === undefined) {
    return { name: entry.name, valid: false, errors: entry.diagnostics.filter(isError).map(formatDiagnostic) };
  }
  return {
    name: entry.name,
    valid: true,
    title: definition.title,
    goal: definition.goal,
    first_step: definition.firstStep,
    steps: definition.steps.map((step) => ({ name: step.name, ...(step.description !== undefined && { description: step.description }) })),
    context: Object.fromEntries(Object.entries(definition.context).map(([key, variable]) => [key, { type: variable.type, ...(variable.required && { required: true }), ...(variable.description !== undefined && { description: variable.description }) }])),
  };
}
