#!/usr/bin/env node
// A scripted stand-in for a coding agent, run in a real PTY by the tests (no dependencies).
//
//   node fake-agent.mjs [--session <id>] [--session-id <id>] [--spawn-child] [--] [prompt…]
//
// --session <id>     resume that session (prints `resumed session <id>`)
// --session-id <id>  start a new session with that id (as `claude --session-id`); else one is made up
// --spawn-child      start a long-lived child in the agent's process group and print `child <pid>`
// prompt…            echoed as `prompt: <text>`
//
// Env: FAKE_AGENT_LOG (append one JSON line per start, with every FAKE_* variable it got), FAKE_AGENT_WORK_MS (default 200),
// FAKE_AGENT_OUTPUT (file written on `y`, default fake-agent-output.txt), FAKE_AGENT_IGNORE_SIGHUP=1
// (ignore SIGHUP and SIGTERM, the child too: only SIGKILL ends it).
//
// Dialogue: after the work it asks `Proceed with the change? (y/n) `. `y` writes the output file
// and prints `done`; `q` or `exit` exits 0, `exit <n>` exits n; anything else prints `ok: <text>`.
// Then it asks `Anything else? ` and loops. On SIGWINCH it prints `resized <cols>x<rows>`.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const green = '\x1b[32m';
const bold = '\x1b[1m';
const reset = '\x1b[0m';
const clearLine = '\r\x1b[2K';

const options = parseArgs(process.argv.slice(2));
const ignoreSignals = process.env.FAKE_AGENT_IGNORE_SIGHUP === '1';
const workMs = Number(process.env.FAKE_AGENT_WORK_MS ?? '200');
const outputFile = process.env.FAKE_AGENT_OUTPUT ?? 'fake-agent-output.txt';
const session = options.resume ?? options.sessionId ?? randomUUID().slice(0, 8);

if (ignoreSignals) {
  for (const signal of ['SIGHUP', 'SIGTERM']) process.on(signal, () => {});
  // Once the PTY is gone (the daemon was killed) writes fail with EIO: keep running regardless.
  process.stdout.on('error', () => {});
  process.stdin.on('error', () => {});
  setInterval(() => {}, 1 << 30);
}

const say = (text) => process.stdout.write(text);
const input = { lines: [], reader: undefined, ended: false };
startInput();
say(`fake-agent started in ${process.cwd()}\r\n`);
say(options.resume !== undefined ? `resumed session ${session}\r\n` : `session ${session}\r\n`);
if (options.prompt !== '') say(`prompt: ${options.prompt}\r\n`);
if (process.env.FAKE_AGENT_LOG) {
  const fakeEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('FAKE_')));
  const record = { pid: process.pid, argv: process.argv.slice(2), cwd: process.cwd(), session, resumed: options.resume !== undefined, env: fakeEnv };
  appendFileSync(process.env.FAKE_AGENT_LOG, `${JSON.stringify(record)}\n`);
}
if (options.spawnChild) say(`child ${spawnChild()}\r\n`);
process.stdout.on('resize', () => say(`resized ${process.stdout.columns}x${process.stdout.rows}\r\n`));

await work();
let question = 'Proceed with the change? (y/n) ';
for (;;) {
  say(`${bold}${question}${reset}`);
  const answer = await readLine();
  if (answer === undefined) break; // stdin closed: the terminal is gone
  if (answer === 'q' || answer === 'exit') process.exit(0);
  const code = /^exit (\d+)$/.exec(answer);
  if (code) process.exit(Number(code[1]));
  if (answer === 'y' && question.startsWith('Proceed')) {
    writeFileSync(join(process.cwd(), outputFile), `change made by fake-agent, session ${session}\n`);
    say(`${green}done${reset}\r\n`);
  } else {
    say(`ok: ${answer}\r\n`);
  }
  question = 'Anything else? ';
}
if (!ignoreSignals) process.exit(0);

function parseArgs(argv) {
  const parsed = { resume: undefined, sessionId: undefined, spawnChild: false, prompt: '' };
  const words = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--session') parsed.resume = argv[++i];
    else if (arg === '--session-id') parsed.sessionId = argv[++i];
    else if (arg === '--spawn-child') parsed.spawnChild = true;
    else if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    } else words.push(arg);
  }
  parsed.prompt = words.join(' ');
  return parsed;
}

/** A long sleeper that stays in our process group (not detached), as a build or dev server would. */
function spawnChild() {
  const script = ignoreSignals
    ? "for (const s of ['SIGHUP', 'SIGTERM']) process.on(s, () => {}); setInterval(() => {}, 1 << 30);"
    : 'setInterval(() => {}, 1 << 30);';
  const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  child.unref();
  return child.pid;
}

/** Prints a few lines over `workMs`, with a colour and a progress line redrawn in place. */
async function work() {
  const steps = 4;
  for (let step = 1; step <= steps; step++) {
    say(`${clearLine}${green}working${reset} step ${step}/${steps}`);
    await new Promise((resolve) => setTimeout(resolve, workMs / steps));
  }
  say(`${clearLine}worked in ${workMs} ms\r\n`);
}

/** Raw PTY input, echoed like a TUI does; a line ends at '\r' or '\n' ('\r\n' counts once). */
function startInput() {
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  let line = '';
  let afterCr = false;
  process.stdin.on('data', (chunk) => {
    for (const char of chunk.toString('utf8')) {
      const wasCr = afterCr;
      afterCr = char === '\r';
      if (char === '\n' && wasCr) continue;
      if (char === '\r' || char === '\n') {
        say('\r\n');
        deliver(line);
        line = '';
      } else if (char === '\x03') {
        process.exit(130);
      } else if (char === '\x7f') {
        if (line === '') continue;
        line = line.slice(0, -1);
        say('\b \b');
      } else {
        line += char;
        say(char);
      }
    }
  });
  const end = () => {
    input.ended = true;
    deliver(undefined);
  };
  process.stdin.on('end', end);
  process.stdin.on('error', end);
}

function deliver(line) {
  const reader = input.reader;
  input.reader = undefined;
  if (reader) reader(line);
  else if (line !== undefined) input.lines.push(line);
}

/** The next line typed, or undefined once stdin has ended. */
function readLine() {
  if (input.lines.length > 0) return Promise.resolve(input.lines.shift());
  if (input.ended) return Promise.resolve(undefined);
  return new Promise((resolve) => (input.reader = resolve));
}
