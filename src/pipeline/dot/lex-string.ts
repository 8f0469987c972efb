const QUOTE = 34;
const BACKSLASH = 92;

const escapes: Record<string, string> = { '"': '"', n: '\n', t: '\t', '\\': '\\' };

export interface ScannedString {
  /** The content with `\"`, `\n`, `\t` and `\\` unescaped; other backslash pairs kept as written. */
  value: string;
  /** Offset just past the closing quote. */
  end: number;
}

/**
 * Scans a double-quoted string whose opening quote is at `start`. Returns undefined when the file
 * ends first. Strings may span lines. Other backslash sequences stay literal because Graphviz gives
 * some of them meaning in labels (`\l`, `\N`) and prompts may contain regexes.
 */
export function lexString(source: string, start: number): ScannedString | undefined {
  let chunkStart = start + 1;
  let value = '';
  let at = chunkStart;
  const length = source.length;
  while (at < length) {
    const code = source.charCodeAt(at);
    if (code === QUOTE) {
      return { value: value + source.slice(chunkStart, at), end: at + 1 };
    }
    if (code === BACKSLASH && at + 1 < length) {
      const replacement = escapes[source[at + 1] as string];
      if (replacement !== undefined) {
        value += source.slice(chunkStart, at) + replacement;
        chunkStart = at + 2;
      }
      at += 2;
      continue;
    }
    at++;
  }
  return undefined;
}
