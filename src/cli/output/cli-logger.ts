import type { Logger } from '../../core/index.js';
import type { CliIo, CliOutput } from '../cli-io.js';
import { escapeTerminalText } from '../../core/terminal-text.js';

/**
 * The engine's logger as the CLI shows it: warnings and errors on stderr, debug and info only with
 * ORCHESTRA_LOG=debug (or info), so that progress lines stay readable. A warning that carries a
 * lint `rule` is a validation diagnostic, which `run` has already printed with its position.
 */
export function createCliLogger(io: Pick<CliIo, 'env'> & { stderr: CliOutput }, options: { quiet: boolean }): Logger {
  const level = io.env.ORCHESTRA_LOG ?? '';
  const write = (label: string, message: string, fields?: Record<string, unknown>) => {
    const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    // Messages quote names and model text; JSON leaves DEL and C1 controls raw, so both are escaped.
    io.stderr.write(`${label}: ${escapeTerminalText(message + extra)}\n`);
  };
  return {
    debug: (message, fields) => level === 'debug' && write('debug', message, fields),
    info: (message, fields) => (level === 'debug' || level === 'info') && write('info', message, fields),
    warn: (message, fields) => !options.quiet && fields?.rule === undefined && write('warning', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
