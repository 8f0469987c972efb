#!/usr/bin/env node
// The only place that hands the real process to the CLI; everything else goes through main()'s io.

// `orchestra run x.dot | head -3`: the reader left, the run must not crash for that (it goes on,
// durably); later writes to the closed pipe are dropped.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const argv = process.argv.slice(2);
const io = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signals: process,
  exit: (exitCode) => process.exit(exitCode),
};
// `orchestra --version` is answered here: loading the whole CLI to print one line would cost a
// scripted caller ~100 ms every time (main's program prints the same, from the same file).
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version ?? '0.0.0'}\n`);
  process.exit(0);
}
// The CLI runs from its bundle (dist/bundle/, made by `npm run build`: scripts/build-bundle.js): a few
// files to read and compile instead of the ~650 modules of dist/ and node_modules.
// `orchestra attach TASK` skips the command table: a person waits on its first frame (quick-attach.ts).
const quick = argv[0] === 'attach' ? await (await import('../dist/bundle/quick-attach.js')).quickAttach(argv.slice(1), io) : undefined;
const code = quick ?? (await (await import('../dist/bundle/orchestra.js')).main(argv, io));
process.exitCode = code;
// main() has finished and written everything; a handle that something left open must not keep
// the process alive (unref: this timer alone never delays a clean exit).
setTimeout(() => process.exit(code), 1_000).unref();
