// The latency from `orchestra answer` to the waiting workflow's next step starting (issue 11: target
// under 50 ms, event-driven, not polling), as users run it: a real `orchestra worker`, instances
// started and answered with the real CLI. Each instance waits on a task(); the step after it writes
// the time it starts; the latency is that time minus the answer's stored time (answeredAt).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const COUNT = Number(process.env.BENCH_WF_ANSWERS ?? 10);
const bin = join(import.meta.dirname, '..', 'bin', 'orchestra.js');

const workflowFile = `import { appendFileSync } from 'node:fs';
import { step, task, workflow } from 'orchestra';

export const latency = workflow('latency', async (ctx, input) => {
  await task(ctx, { title: 'Go on?', form: { ok: { type: 'boolean', required: true } } });
  await step(ctx, 'after', async () => {
    appendFileSync(String(input.out), \`\${ctx.workflowId} \${Date.now()}\\n\`);
    return true;
  });
  return 'done';
});
`;

export function answerLatency() {
  const home = mkdtempSync(join(tmpdir(), 'bench-wf-answer-'));
  const project = join(home, 'project');
  mkdirSync(join(project, 'workflows'), { recursive: true });
  writeFileSync(join(project, 'orchestra.yaml'), 'people:\n  users:\n    ann: { name: Ann }\n');
  writeFileSync(join(project, 'workflows', 'latency.ts'), workflowFile);
  const out = join(home, 'after.log');
  writeFileSync(out, '');
  const env = { ...process.env, ORCHESTRA_HOME: join(home, 'home'), ORCHESTRA_USER: 'ann', NO_COLOR: '1' };
  const cli = (args) => {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: project, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`orchestra ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return result.stdout;
  };
  const worker = spawn(process.execPath, [bin, 'worker'], { cwd: project, env, stdio: 'ignore', detached: true });
  try {
    const latencies = [];
    for (let i = 0; i < COUNT; i++) {
      const id = `l${i}`;
      cli(['workflow', 'start', 'latency', '--id', id, '--no-daemon', '--input', JSON.stringify({ out })]);
      const taskId = `wf:${id}:0`;
      const deadline = Date.now() + 30_000;
      while (!JSON.parse(cli(['workflow', 'show', id, '--json'])).instance?.status?.startsWith('waiting')) {
        if (Date.now() > deadline) throw new Error(`instance ${id} never waited on its task`);
      }
      cli(['answer', taskId, 'ok=true']);
      while (!readFileSync(out, 'utf8').includes(`${id} `)) {
        if (Date.now() > deadline) throw new Error(`the step after ${taskId} never started`);
      }
      const started = Number(new RegExp(`^${id} (\\d+)$`, 'm').exec(readFileSync(out, 'utf8'))[1]);
      const { answeredAt } = JSON.parse(cli(['inbox', 'show', taskId, '--json']));
      latencies.push(started - answeredAt);
    }
    latencies.sort((a, b) => a - b);
    return { median: latencies[Math.floor(latencies.length / 2)], max: latencies.at(-1), count: latencies.length };
  } finally {
    try {
      process.kill(-worker.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(home, { recursive: true, force: true });
  }
}
