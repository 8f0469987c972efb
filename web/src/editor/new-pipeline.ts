/*
 * A new pipeline: the smallest one that validates (a start, an exit, an edge between), named after
 * its file, and the file name checked the way the server will want it (a .dot path inside the project).
 */

export function newPipelineText(file: string): string {
  const stem = file.split('/').pop()!.replace(/\.dot$/, '');
  const words = stem.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const name = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('') || 'Pipeline';
  return `digraph ${/^[0-9]/.test(name) ? `P${name}` : name} {
  graph [goal="Say what this pipeline is for"]

  start [shape=Mdiamond]
  exit  [shape=Msquare]

  start -> exit
}
`;
}

/** Why the name cannot be a new pipeline's file, or undefined when it can. */
export function fileNameProblem(file: string): string | undefined {
  if (!file.endsWith('.dot')) return 'the file name ends in .dot';
  if (file.startsWith('/') || file.split('/').some((part) => part === '..' || part === '')) return 'the file is a path inside the project (no leading /, no ..)';
  return undefined;
}
