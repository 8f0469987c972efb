import { apiGet, apiSend } from '../lib/api';
import type { AttributeCatalogue } from './attribute-catalogue';
import type { DiagnosticView } from './lint-range';

/*
 * The editor's calls to the public API (docs/api.md): the projects and their .dot files, reading and
 * saving one (with the version it was read at, so a save over someone else's change is refused),
 * the attribute catalogue, the validator, and starting a run.
 */

export interface PipelineText {
  file: string;
  source: string;
  version: string;
}

export interface Validation {
  ok: boolean;
  diagnostics: DiagnosticView[];
}

const query = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

export const editorApi = {
  projects: () => apiGet<{ projects: string[] }>('/projects'),
  pipelines: (project: string) => apiGet<{ project: string; files: string[] }>(`/pipelines?${query({ project })}`),
  read: (project: string, file: string) => apiGet<PipelineText>(`/pipelines/source?${query({ project, file })}`),
  /** Without `version` the file must not exist yet (a new pipeline); with it, the file must not have changed since (E_PIPELINE_CONFLICT). */
  save: (project: string, file: string, source: string, version?: string) =>
    apiSend<{ file: string; version: string }>('POST', '/pipelines/source', { project, file, source, ...(version !== undefined && { version }) }),
  attributes: () => apiGet<AttributeCatalogue>('/pipelines/attributes'),
  validate: (project: string, source: string) => apiSend<Validation>('POST', '/pipelines/validate', { project, source }),
  run: (input: { project: string; file?: string; source?: string; variables: Record<string, string>; simulate: boolean }) => apiSend<{ runId: string }>('POST', '/runs', input),
};
