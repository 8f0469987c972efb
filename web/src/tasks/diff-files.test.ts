import { describe, expect, it } from 'vitest';
import { diffFiles } from './diff-files';

const diff = `diff --git a/README.md b/README.md
index 1a2b3c4..5d6e7f8 100644
--- a/README.md
+++ b/README.md
@@ -1,2 +1,2 @@
 a project
-old line
+new line
diff --git a/notes.txt b/notes.txt
new file mode 100644
index 0000000..e69de29
--- /dev/null
+++ b/notes.txt
@@ -0,0 +1 @@
+hello
`;

describe('issue 15: a task diff as the task page shows it', () => {
  it('issue 15: splits per file, counts added and removed lines and classifies each line', () => {
    const files = diffFiles(diff);
    expect(files.map(({ path, added, removed }) => ({ path, added, removed }))).toEqual([
      { path: 'README.md', added: 1, removed: 1 },
      { path: 'notes.txt', added: 1, removed: 0 },
    ]);
    expect(files[0]?.lines.map((line) => line.kind)).toEqual(['hunk', 'context', 'remove', 'add']);
    expect(files[1]?.lines).toEqual([{ kind: 'meta', text: 'new file mode 100644' }, { kind: 'hunk', text: '@@ -0,0 +1 @@' }, { kind: 'add', text: '+hello' }]);
  });

  it('issue 15: no changes is no files', () => {
    expect(diffFiles('')).toEqual([]);
  });
});
