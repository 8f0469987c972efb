import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/*
 * Crash tests run the store's code in a real child process and SIGKILL it. There is no build
 * yet when unit tests run, so the sources are transpiled into a temp dir first.
 */

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Transpiles `folders` (src/core and src/store by default) to `out` (same layout) and links node_modules beside them. */
export async function buildStoreForChild(out: string, folders: readonly string[] = ['src/core', 'src/store']): Promise<void> {
  for (const folder of folders) {
    const files = (await readdir(join(repo, folder), { recursive: true })).filter((file) => file.endsWith('.ts') && !/\.(test|case)\.ts$/.test(file));
    for (const file of files) {
      const source = await readFile(join(repo, folder, file), 'utf8');
      const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
      const target = join(out, relative('src', folder), file.replace(/\.ts$/, '.js'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, outputText);
    }
  }
  await writeFile(join(out, 'package.json'), '{ "type": "module" }');
  await symlink(join(repo, 'node_modules'), join(out, 'node_modules'));
}

/**
 * Runs `script` (an ES module, cwd `out`) until it has printed the line `killAt` (a number), then
 * SIGKILLs it. Resolves with the last number it printed. stdout to a pipe is synchronous on Linux,
 * so a printed number means the work before it returned.
 */
export function runThenKill(out: string, script: string, env: Record<string, string>, killAt: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: out, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let reported = 0;
    let stderr = '';
    let buffer = '';
    // A child that never gets there must not outlive the test.
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child printed ${reported} in 20 s, expected ${killAt}: ${stderr}`));
    }, 20_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) reported = Number(line);
      if (reported >= killAt) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(deadline);
      if (signal === 'SIGKILL') resolve(reported);
      else reject(new Error(`the child exited on its own (code ${code}): ${stderr}`));
    });
  });
}

/**
 * Starts `script` (an ES module, cwd `out`) that prints "ready", waits for a line on stdin, then
 * works: `go()` sends that line to it, `done` resolves with the lines it printed after "ready"
 * (rejects when it exits non-zero). Two of these started together race as closely as processes can.
 */
export function startGatedChild(out: string, script: string, env: Record<string, string>): { ready: Promise<void>; go(): void; done: Promise<string[]> } {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: out, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<string[]>((resolve, reject) => {
    const deadline = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(deadline);
      if (code !== 0) return reject(new Error(`the child exited with ${code}: ${stderr}`));
      resolve(stdout.split('\n').slice(1).filter(Boolean));
    });
  });
  return { ready, go: () => child.stdin.end('go\n'), done };
}
