import { z } from 'zod';
import { badFileError, describeIssue } from './file-errors.js';

/** What `manifest.json` says about a run: enough to know what ran without the store. */
export interface RunManifest {
  runId: string;
  /** The graph's name; the file gives it as both `pipeline` and `name`. */
  pipeline: string;
  /** Absolute path of the DOT file. */
  file: string;
  goal: string;
  startedAt: number;
  variables: Record<string, string>;
  /** The run this one was replayed from, and at which checkpoint. */
  parentRunId?: string;
  parentCheckpoint?: number;
}

const manifestSchema = z.object({
  v: z.literal(1),
  run_id: z.string(),
  pipeline: z.string(),
  // `name` and `start_time` are Attractor §5.6's fields; manifests written before them lack them.
  name: z.string().optional(),
  file: z.string(),
  goal: z.string(),
  started_at: z.number(),
  start_time: z.string().optional(),
  variables: z.record(z.string(), z.string()),
  parent_run_id: z.string().optional(),
  parent_checkpoint: z.number().int().optional(),
});

export type ManifestFile = z.infer<typeof manifestSchema>;

export function toManifestFile(manifest: RunManifest): ManifestFile {
  const file: ManifestFile = {
    v: 1,
    run_id: manifest.runId,
    pipeline: manifest.pipeline,
    name: manifest.pipeline,
    file: manifest.file,
    goal: manifest.goal,
    started_at: manifest.startedAt,
    start_time: new Date(manifest.startedAt).toISOString(),
    variables: manifest.variables,
  };
  if (manifest.parentRunId !== undefined) file.parent_run_id = manifest.parentRunId;
  if (manifest.parentCheckpoint !== undefined) file.parent_checkpoint = manifest.parentCheckpoint;
  return file;
}

export function fromManifestFile(json: unknown, file: string): RunManifest {
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw badFileError(file, describeIssue(parsed.error), 'manifest.json is written by Orchestra when a run starts; restore it or ignore this run directory.');
  const data = parsed.data;
  const manifest: RunManifest = {
    runId: data.run_id,
    pipeline: data.pipeline,
    file: data.file,
    goal: data.goal,
    startedAt: data.started_at,
    variables: data.variables,
  };
  if (data.parent_run_id !== undefined) manifest.parentRunId = data.parent_run_id;
  if (data.parent_checkpoint !== undefined) manifest.parentCheckpoint = data.parent_checkpoint;
  return manifest;
}
