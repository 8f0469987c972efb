// The file-system floor of the chain benchmark on this machine: the run directory of a chain of
// `dirs` LLM nodes holds one stage directory per node with 4 small files (prompt.md, response.md,
// status.json, context.json). Creating them with plain synchronous calls in one process is the
// least any engine writing those files pays; on some file systems (a VM's ext4) it is most of the run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const stageFiles = ['prompt.md', 'response.md', 'status.json', 'context.json'];

export function fsFloor(dirs) {
  const root = mkdtempSync(join(tmpdir(), 'bench-fs-floor-'));
  const content = 'x'.repeat(200);
  try {
    const started = performance.now();
    for (let i = 0; i < dirs; i++) {
      const dir = join(root, `n${i}`);
      mkdirSync(dir, { mode: 0o700 });
      for (const name of stageFiles) writeFileSync(join(dir, name), content, { mode: 0o600 });
    }
    return performance.now() - started;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
