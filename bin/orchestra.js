#!/usr/bin/env node
// The only place that hands the real process to the CLI; everything else goes through main()'s io.
import { main } from '../dist/cli/main.js';

// `orchestra run x.dot | head -3`: the reader left, the run must not crash for that (it goes on,
// durably); later writes to the closed pipe are dropped.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signals: process,
  exit: (exitCode) => process.exit(exitCode),
});
process.exitCode = code;
// main() has finished and written everything; a handle that something left open must not keep
// the process alive (unref: this timer alone never delays a clean exit).
setTimeout(() => process.exit(code), 1_000).unref();
