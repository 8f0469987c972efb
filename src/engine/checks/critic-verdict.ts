export interface CriticVerdict {
  passed: boolean;
  /** The critic's reasons (the text after the verdict), or a note about an answer we could not read. */
  reasons: string;
}

/**
 * Reads a critic's answer: the first non-blank line must start with the word PASS or FAIL (any
 * case, optionally in markdown emphasis or a heading, followed by `.`, `:` or a dash); the rest are
 * its reasons. Anything else is a FAIL with a note, so an evasive critic never lets a change through.
 */
export function parseCriticVerdict(answer: string): CriticVerdict {
  const lines = answer.split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) return { passed: false, reasons: 'The critic gave an empty answer; expected PASS or FAIL on the first line.' };
  const head = lines[first]!.trim();
  const rest = lines.slice(first + 1).join('\n').trim();
  const match = /^(PASS|FAIL)\b[*_`]*\s*[.:!\-–—]?\s*(.*)$/i.exec(head.replace(/^[*_#`>\s]+/, ''));
  if (!match) {
    const began = head.length > 120 ? `${head.slice(0, 120)}...` : head;
    return { passed: false, reasons: `The critic's answer did not start with PASS or FAIL, so it counts as FAIL. It began: "${began}"${rest ? `\n${rest}` : ''}` };
  }
  const inline = match[2]!.replace(/[*_`]+$/, '').trim();
  return { passed: match[1]!.toUpperCase() === 'PASS', reasons: [inline, rest].filter((part) => part !== '').join('\n') };
}
