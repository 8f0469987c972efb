/** One line of a unified diff as shown: added, removed, context, or a hunk header (`@@`). */
export interface DiffLine {
  kind: 'add' | 'remove' | 'context' | 'hunk' | 'meta';
  text: string;
}

export interface DiffFile {
  /** The file's path (the new one; the old one for a deletion). */
  path: string;
  added: number;
  removed: number;
  lines: DiffLine[];
}

/** `git diff` output split per file, each line classified; the `diff --git`, index and ---/+++ lines become the file's header. */
export function diffFiles(diff: string): DiffFile[] {
  const files: DiffFile[] = [];
  let file: DiffFile | undefined;
  let inHunk = false;
  for (const text of diff.split('\n')) {
    const header = /^diff --git a\/(.*) b\/(.*)$/.exec(text);
    if (header) {
      file = { path: header[2] ?? header[1] ?? '', added: 0, removed: 0, lines: [] };
      files.push(file);
      inHunk = false;
      continue;
    }
    if (file === undefined) continue;
    if (text.startsWith('@@')) {
      inHunk = true;
      file.lines.push({ kind: 'hunk', text });
    } else if (!inHunk) {
      if (text.startsWith('+++ ') || text.startsWith('--- ') || text.startsWith('index ')) continue;
      file.lines.push({ kind: 'meta', text });
    } else if (text.startsWith('+')) {
      file.added++;
      file.lines.push({ kind: 'add', text });
    } else if (text.startsWith('-')) {
      file.removed++;
      file.lines.push({ kind: 'remove', text });
    } else if (text !== '' || file.lines.at(-1)?.kind !== 'context') {
      file.lines.push({ kind: 'context', text });
    }
  }
  for (const each of files) while (each.lines.at(-1)?.text === '') each.lines.pop();
  return files;
}
