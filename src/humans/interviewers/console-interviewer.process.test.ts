import { spawn, type StdioOptions } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const humansDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = ['accelerator.ts', 'match-answer.ts', 'interviewers/console-answer.ts', 'interviewers/line-reader.ts', 'interviewers/console-interviewer.ts', '../core/terminal-text.ts'];

let workDir: string;

// Node 20 cannot run TypeScript, so the modules are transpiled into a temp dir for a real child process.
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'orchestra-console-'));
  for (const source of sources) {
    const text = await readFile(join(humansDir, source), 'utf8');
    const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } }).outputText;
    const target = join(workDir, 'humans', source.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, js);
  }
  await writeFile(join(workDir, 'package.json'), '{"type":"module"}');
  await writeFile(
    join(workDir, 'ask.js'),
    `import { createConsoleInterviewer } from './humans/interviewers/console-interviewer.js';
const interviewer = createConsoleInterviewer({ input: process.stdin, output: process.stdout });
const answer = await interviewer.ask({ text: 'Ship it?', type: 'multiple_choice', options: [{ key: 'A', label: 'Approve' }], stage: 'gate' });
process.stderr.write(JSON.stringify(answer));
`,
  );
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('console interviewer in a real process', () => {
  it('lets the process exit after answering although stdin stays open', async () => {
    const child = spawn(process.execPath, ['ask.js'], { cwd: workDir, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Select: ')) child.stdin.write('a\n');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    clearTimeout(deadline);
    child.stdin.destroy();
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '{"value":"A","selectedOption":{"key":"A","label":"Approve"},"text":"a"}' });
    expect(stdout).toBe('[?] Ship it?\n  [A] Approve\nSelect: a\n');
  });

  /** Runs `script` with stdin from `stdin` (a file opened for reading) and returns what it printed. */
  async function runWithStdin(script: string, stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const fd = openSync(stdin, 'r');
    try {
      const stdio: StdioOptions = [fd, 'pipe', 'pipe'];
      const child = spawn(process.execPath, [script], { cwd: workDir, stdio });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const deadline = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      clearTimeout(deadline);
      return { code, stdout, stderr };
    } finally {
      closeSync(fd);
    }
  }

  it('issue 10: with stdin from /dev/null it asks without printing a prompt nobody can answer', async () => {
    const result = await runWithStdin('ask.js', '/dev/null');
    expect(result).toEqual({ code: 0, stdout: '[?] Ship it?\n  [A] Approve\n', stderr: '{"value":"skipped"}' });
  });

  it('issue 10: with stdin from an empty file it prints no prompt either', async () => {
    const empty = join(workDir, 'empty.txt');
    await writeFile(empty, '');
    const result = await runWithStdin('ask.js', empty);
    expect(result.stdout).toBe('[?] Ship it?\n  [A] Approve\n');
  });
});
