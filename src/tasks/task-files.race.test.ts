import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseTaskFile } from './task-file.js';
import { TaskFiles } from './task-files.js';

// The children run the built code: `npm test` builds to dist/ before vitest runs.
const distIndex = fileURLToPath(new URL('../../dist/tasks/index.js', import.meta.url));
const processes = 6;
const tasksPerProcess = 3;

/** Waits for "go" on stdin so every child creates at the same moment, then creates its tasks one after another. */
const childScript = `
const [moduleUrl, root, name, count] = process.argv.slice(1);
const { TaskFiles } = await import(moduleUrl);
const files = new TaskFiles(root);
process.stdout.write('ready\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
for (let index = 0; index < Number(count); index += 1) {
  const task = await files.create({ slug: name + '-' + index, description: 'Created by ' + name + '.', baseBranch: 'main' });
  process.stdout.write(JSON.stringify({ id: task.id, file: task.file }) + '\\n');
}
process.stdin.destroy();
`;

let root: string;
let children: ChildProcess[] = [];

beforeEach(() => {
  if (!existsSync(distIndex)) throw new Error(`${distIndex} is missing: build first (npx tsc -p tsconfig.build.json, or npm test).`);
  root = mkdtempSync(join(tmpdir(), 'orchestra-task-race-'));
});
afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children = [];
  rmSync(root, { recursive: true, force: true });
});

interface ChildRun {
  ready: Promise<void>;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function startChild(name: string): ChildRun {
  const child = spawn(process.execPath, ['--input-type=module', '-e', childScript, pathToFileURL(distIndex).href, root, name, String(tasksPerProcess)], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => {
      markReady();
      resolve({ code, stdout, stderr });
    });
  });
  return { ready, done };
}

describe('TaskFiles across processes', () => {
  it(`${processes} processes creating tasks at once get distinct ids and complete files`, async () => {
    const runs = Array.from({ length: processes }, (_, index) => startChild(`proc${index}`));
    await Promise.all(runs.map((run) => run.ready));
    for (const child of children) child.stdin?.write('go\n');
    const results = await Promise.all(runs.map((run) => run.done));

    for (const result of results) expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    const created = results.flatMap((result) => result.stdout.split('\n').slice(1).filter(Boolean).map((line) => JSON.parse(line) as { id: number; file: string }));
    const total = processes * tasksPerProcess;
    expect(created.map((task) => task.id).sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, index) => index + 1));

    const dir = join(root, '.orchestra', 'tasks');
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual(['.last-id']);
    for (const { id, file } of created) {
      const task = parseTaskFile(file, readFileSync(file, 'utf8'));
      expect(task).toMatchObject({ id, status: 'draft', baseBranch: 'main', description: `Created by ${task.slug.replace(/-\d+$/, '')}.` });
    }
    const listing = await new TaskFiles(root).list();
    expect(listing.problems).toEqual([]);
    expect(new Set(listing.tasks.map((task) => task.slug)).size).toBe(total);
  }, 60_000);
});
