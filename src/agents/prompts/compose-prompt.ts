import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { didYouMean, entryOf, type ResolvedAgent, type ResolvedConfig } from '../../config/index.js';
import type { GraphNode } from '../../pipeline/graph/model.js';
import { LayerKinds, readPromptLayer, type LayerKind } from './prompt-layer.js';
import { renderTemplate } from './render-template.js';
import { contextView, nodeView } from './template-data.js';

export interface ComposePromptInput {
  /** The agent's name in `config.agents`; without one only the node prompt is rendered. */
  agent?: string | undefined;
  config: ResolvedConfig;
  /** The node's own prompt as its author wrote it: it is template source, so never a value (issue 8.1). */
  nodePrompt: string;
  /** Run variables (`orchestra run p.dot pr_number=123` → `{{ pr_number }}`). */
  variables?: Readonly<Record<string, unknown>>;
  /** A snapshot of the run context (`{{ context.last_response }}`). */
  context?: Readonly<Record<string, unknown>>;
  goal?: string;
  node?: GraphNode;
}

export interface ComposedPrompt {
  /** role + persona + personality, rendered, separated by blank lines. */
  system: string;
  /** task + the node's prompt, rendered, separated by a blank line. */
  prompt: string;
  /** Unknown variables the templates used (they rendered as empty text). */
  warnings: string[];
}

const systemLayers: readonly LayerKind[] = ['role', 'persona', 'personality'];

/**
 * An agent's prompt from its four layers (role, persona, personality, task, in that order) and the
 * node's prompt, each rendered as a Nunjucks template with the run's variables, `context`, `goal`
 * and `node`. Layers the agent does not name are skipped.
 */
export async function composePrompt(input: ComposePromptInput): Promise<ComposedPrompt> {
  const agent = input.agent === undefined ? undefined : agentOf(input.config, input.agent);
  const data = {
    ...input.variables,
    context: contextView(input.context ?? {}),
    goal: input.goal ?? '',
    node: nodeView(input.node),
  };
  const warnings: string[] = [];
  const rendered: Partial<Record<LayerKind, string>> = {};
  for (const kind of LayerKinds) {
    const file = agent?.[kind];
    if (file === undefined) continue;
    const layer = await readPromptLayer(kind, file);
    const result = renderTemplate(layer.template, data, { label: `${kind} layer`, file, line: layer.line, column: layer.column, code: ErrorCode.CONFIG });
    rendered[kind] = result.text.trim();
    warnings.push(...result.warnings);
  }
  const nodeLoc = input.node?.attrs.prompt?.loc ?? input.node?.loc;
  const nodeLabel = input.node ? `prompt of node ${input.node.id}` : 'node prompt';
  const node = renderTemplate(input.nodePrompt, data, {
    label: nodeLabel,
    file: nodeLoc?.file ?? '<prompt>',
    line: nodeLoc?.line ?? 1,
    column: nodeLoc?.column ?? 1,
    code: ErrorCode.VARIABLE,
  });
  warnings.push(...node.warnings);
  return {
    system: join(systemLayers.map((kind) => rendered[kind])),
    prompt: join([rendered.task, node.text.trim()]),
    warnings,
  };
}

function agentOf(config: ResolvedConfig, name: string): ResolvedAgent {
  const agent = entryOf(config.agents, name);
  if (agent) return agent;
  const known = Object.keys(config.agents);
  throw new OrchestraError(ErrorCode.CONFIG, `unknown agent "${name}".${didYouMean(name, known)} Known: ${known.join(', ') || '(none)'}.`, {
    hint: 'Define it under agents: in orchestra.yaml, or fix the node\'s agent attribute.',
  });
}

function join(parts: ReadonlyArray<string | undefined>): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join('\n\n');
}
