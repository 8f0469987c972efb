/**
 * Everything the CLI touches of its process, passed in so that commands run in-process in tests.
 * Only bin/orchestra.js hands over the real `process`; nothing below src/cli sees any of this.
 */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: CliStream;
  stderr: CliStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths on the command line resolve against this directory. */
  cwd: string;
  /** Where SIGINT/SIGTERM/SIGHUP come from; without it the CLI installs no signal handlers (tests). */
  signals?: SignalSource;
  /** Ends the process at once (the second Ctrl-C). Without it a second Ctrl-C only aborts again. */
  exit?: (code: number) => void;
}

/** A real stream: the console interviewer writes its questions to it. */
export type CliStream = NodeJS.WritableStream & { isTTY?: boolean };

/** The little that formatting helpers need of an output stream. */
export interface CliOutput {
  write(text: string): unknown;
  /** True for a terminal; colour and interactivity depend on it. */
  isTTY?: boolean;
}

export type InterruptSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

export interface SignalSource {
  on(signal: InterruptSignal, listener: () => void): unknown;
  off(signal: InterruptSignal, listener: () => void): unknown;
}
