/**
 * The relative module specifiers a TypeScript source names (`./lib/ai`, `../shared`), found without
 * parsing: static imports and re-exports, side-effect imports, `import('…')` and `require('…')` with
 * a literal. Comments are removed first so that a commented-out import is not followed. Used for the
 * version hash and to keep loading inside workflows/; bare specifiers (packages, node:) are skipped.
 */
export function relativeSpecifiers(source: string): string[] {
  const code = stripComments(source);
  const found = new Set<string>();
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1] as string;
      if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') found.add(specifier);
    }
  }
  return [...found];
}

/** Removes block and line comments, leaving strings alone (a URL's `//` inside quotes stays). */
function stripComments(source: string): string {
  return source.replace(/("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (match, quoted: string | undefined) =>
    quoted ?? match.replace(/[^\n]/g, ' '),
  );
}
