/*
 * Where a text stops being JSON, and why: JSON.parse says why but not always where (V8 omits the
 * position for an unexpected token), and the user of `--input '{…}'` needs the place. A small
 * recursive-descent check of the grammar (RFC 8259), used only after JSON.parse failed.
 */

export interface JsonSyntaxError {
  /** 0-based offset of the first character that cannot continue the JSON. */
  offset: number;
  reason: string;
}

class Stop extends Error {
  constructor(readonly offset: number, readonly reason: string) {
    super(reason);
  }
}

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const found = () => (i < text.length ? `"${text[i] as string}"` : 'the end of the text');
  const stop = (expected: string): never => {
    throw new Stop(i, `expected ${expected}, found ${found()}`);
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[i] !== char) stop(`"${word}"`);
      i++;
    }
  };
  const string = () => {
    i++;
    for (;;) {
      const char = text[i];
      if (char === undefined) stop('a closing double quote');
      if (char === '"') return void i++;
      if (char === '\\') {
        i++;
        if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 5;
        else if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i] as string)) i++;
        else stop('an escape such as \\n, \\" or \\u00e9');
      } else if ((char as string) < ' ') stop('no control character inside a string (write \\n)');
      else i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) stop('a value (an object, array, string, number, true, false or null)');
    i += (match as RegExpExecArray)[0].length;
  };
  const list = (close: string, item: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (text[i] === close) return void i++;
      if (text[i] !== ',') stop(`"," or "${close}"`);
      i++;
      ws();
    }
  };
  const value = (): void => {
    ws();
    const char = text[i];
    if (char === '{') return list('}', () => {
      if (text[i] !== '"') stop('a property name in double quotes');
      string();
      ws();
      if (text[i] !== ':') stop('":"');
      i++;
      value();
    });
    if (char === '[') return list(']', value);
    if (char === '"') return string();
    if (char === 't' || char === 'f' || char === 'n') return literal(char === 't' ? 'true' : char === 'f' ? 'false' : 'null');
    number();
  };
  try {
    value();
    ws();
    if (i < text.length) stop('the end of the JSON');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, reason: error.reason };
    throw error;
  }
}
