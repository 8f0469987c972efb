import type { CliIo } from './cli-io.js';
import type { Palette } from './output/color.js';

/** What every command receives: the process seam and a palette per output stream. */
export interface CommandContext {
  io: CliIo;
  /** Colours for stdout (off when stdout is not a terminal, NO_COLOR, CI or an agent). */
  out: Palette;
  /** Colours for stderr. */
  err: Palette;
}
