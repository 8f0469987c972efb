import { readFile } from 'node:fs/promises';
import type * as Yaml from 'yaml';
import type { LineCounter, Scalar } from 'yaml';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { lazyRequire } from '../../core/lazy-require.js';

// Layers are optional (config `prompts:`): a run without them does not load the YAML parser (issue 9).
const yaml = lazyRequire<typeof Yaml>('yaml');

/** The four layers, in composition order. */
export const LayerKinds = ['role', 'persona', 'personality', 'task'] as const;
export type LayerKind = (typeof LayerKinds)[number];

/** Keys a layer's text may sit under; the first present wins. */
export const layerTextKeys = ['system', 'prompt', 'text'] as const;

/** A layer's template text and where it starts in its file, so template errors point into the file. */
export interface PromptLayer {
  kind: LayerKind;
  file: string;
  template: string;
  /** 1-based file line of the template's first line. */
  line: number;
  /** 1-based file column of the template's first character (its indentation, for block scalars). */
  column: number;
}

/**
 * Reads a layer file. Accepted shapes (seed 001 writes the first):
 *   role: { name: x, system: | ... }   (the top key is the layer kind; `prompt:` or `text:` work too)
 *   role: "text"                         (the text directly under the kind)
 *   system: | ...                        (no kind key)
 */
export async function readPromptLayer(kind: LayerKind, file: string): Promise<PromptLayer> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new OrchestraError(ErrorCode.CONFIG, `cannot read the ${kind} layer ${file}: ${(error as Error).message}`, {
      hint: 'Layer paths in orchestra.yaml are relative to the config file.',
      cause: error,
    });
  }
  return parsePromptLayer(kind, file, text);
}

export function parsePromptLayer(kind: LayerKind, file: string, text: string): PromptLayer {
  const { LineCounter, isMap, isScalar, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const [syntax] = doc.errors;
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw layerError(`invalid YAML in the ${kind} layer ${file}:${line}:${col}: ${syntax.message.split('\n')[0]}`, file, line, col);
  }
  const root = doc.contents;
  const scope = isMap(root) && root.has(kind) ? root.get(kind, true) : root;
  const node = isScalar(scope) ? scope : isMap(scope) ? layerTextKeys.map((key) => scope.get(key, true)).find((value) => value !== undefined) : undefined;
  if (!isScalar(node) || typeof node.value !== 'string') {
    throw layerError(`the ${kind} layer ${file} has no text: expected ${kind}: with system:, prompt: or text: holding a string`, file, 1, 1);
  }
  const start = startOf(node, text, lines);
  return { kind, file, template: node.value, ...start };
}

function startOf(node: Scalar, text: string, lines: LineCounter): { line: number; column: number } {
  const offset = node.range?.[0] ?? 0;
  const header = lines.linePos(offset);
  if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') {
    // A quoted scalar's text starts after its quote.
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    return { line: header.line, column: header.col + (quoted ? 1 : 0) };
  }
  // A block scalar's text starts on the line after its `|` / `>` header, at the block's indentation.
  const contentLine = header.line + 1;
  const lineText = text.split(/\r?\n/)[contentLine - 1] ?? '';
  return { line: contentLine, column: lineText.length - lineText.trimStart().length + 1 };
}

function layerError(message: string, file: string, line: number, column: number): OrchestraError {
  return new OrchestraError(ErrorCode.CONFIG, message, {
    location: { file, line, column },
    hint: 'A layer file looks like: role: { name: reviewer, system: "You are ..." } (prompt: or text: instead of system: work too).',
  });
}
