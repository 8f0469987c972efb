// The agent both sides of the tasks benchmark run: a tiny long-running program that prints one
// line and waits for input, as a coding agent waiting for its first instruction does.
// `flood <n> [tag] [done] [go]` prints n numbered lines (fills the daemon's scrollback mirror), then
// `flood done <name> [tag]`, then creates the file `done` (the terminal took every byte); with a
// file `go`, it starts printing only once that file exists. `q` exits.
// `--stream <file> <lines/s> <work ms> <pause ms>` (the dashboard benchmark, web-agents.js): while
// <file> exists it works as a coding agent does, in turns: <work ms> of coloured output, then a
// question and <pause ms> quiet; its first turn starts at a random point of the cycle (turns spread out).
import { existsSync, writeFileSync } from 'node:fs';

const name = process.env.ORCHESTRA_TASK_SLUG ?? process.env.BENCH_AGENT_NAME ?? 'agent';
process.stdout.write(`bench agent ${name} ready\r\n`);
let line = '';
process.stdin.setEncoding('utf8');
if (process.stdin.isTTY) process.stdin.setRawMode(true);
process.stdin.on('data', (chunk) => {
  for (const char of chunk) {
    if (char !== '\r' && char !== '\n') {
      line += char;
      continue;
    }
    const [word, count, tag, doneFile, goFile] = line.trim().split(/\s+/);
    line = '';
    if (word === 'q') process.exit(0);
    if (word === 'flood') whenExists(goFile, () => flood(Number(count), tag, doneFile));
  }
});
process.stdin.on('end', () => process.exit(0));
if (process.argv[2] === '--stream') stream(...process.argv.slice(3));

function stream(file, perSecond, workMs, pauseMs) {
  const every = 1000 / Number(perSecond);
  let n = 0;
  let turnEnds;
  const tick = () => {
    if (!existsSync(file)) {
      turnEnds = undefined;
      return setTimeout(tick, 50);
    }
    const now = Date.now();
    // The first turn after the file appears waits a random part of the cycle.
    if (turnEnds === undefined) {
      turnEnds = 0;
      return setTimeout(tick, Math.random() * (Number(workMs) + Number(pauseMs)));
    }
    if (turnEnds === 0) turnEnds = now + Number(workMs);
    if (now < turnEnds) {
      n++;
      process.stdout.write(`\x1b[32m●\x1b[0m ${name} step ${n}: \x1b[1mEdit\x1b[0m src/module-${n % 50}.js \x1b[2m(+${n % 17} −${n % 5})\x1b[0m ${'·'.repeat(n % 40)}\r\n`);
      return setTimeout(tick, every);
    }
    process.stdout.write('\x1b[1mTurn done: carry on? (y/n)\x1b[0m ');
    turnEnds = 0;
    setTimeout(tick, Number(pauseMs));
  };
  tick();
}

function whenExists(file, then) {
  if (!file || existsSync(file)) return then();
  setTimeout(() => whenExists(file, then), 10);
}

function flood(count, tag, doneFile) {
  const text = Array.from({ length: count }, (_, i) => `${name} line ${i} ${'-'.repeat(60)}`).join('\r\n');
  process.stdout.write(`${text}\r\nflood done ${name}${tag ? ` ${tag}` : ''}\r\n`, () => {
    if (doneFile) writeFileSync(doneFile, '');
  });
}
