/* What GET /agents answers (src/services/agents/schemas.ts): the dashboard reads the public API's JSON. */

export interface ProfileView {
  name: string;
  command: string;
  source: 'built-in' | 'extended' | 'config';
  model: string | null;
  tiers: Record<string, string>;
  envNames: string[];
  passEnv: string[];
  interactive: boolean;
  install: string | null;
}

export type LayerKind = 'role' | 'persona' | 'personality' | 'task';

export interface PromptLayerView {
  agent: string;
  kind: LayerKind;
  file: string;
  preview: string[];
}

export interface AgentView {
  name: string;
  backend: string | null;
  cli: string | null;
  model: string | null;
  provider: string | null;
  layers: LayerKind[];
}

export interface ComposedPipelineView {
  file: string;
  name: string;
  goal: string | null;
  inputs: string[];
  nodes: number;
  usedBy: string[];
  error?: string;
}

export interface AgentLibrary {
  project: string;
  configFile: string | null;
  profiles: ProfileView[];
  agents: AgentView[];
  layers: PromptLayerView[];
  pipelines: ComposedPipelineView[];
}
