// The agent both sides of the tasks benchmark run: a tiny long-running program that prints one
// line and waits for input, as a coding agent waiting for its first instruction does.
// `flood <n> [tag] [done] [go]` prints n numbered lines (fills the daemon's scrollback mirror), then
// `flood done <name> [tag]`, then creates the file `done` (the terminal took every byte); with a
// file `go`, it starts printing only once that file exists. `q` exits.
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
