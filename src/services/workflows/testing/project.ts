import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * A temp project for tests of the workflow services and commands: workflows/approval.ts with a step,
 * a human task, a signal and a last step, and zod installed in the project (a link to ours).
 */

export const approvalWorkflow = (shipped = "'v1'") => `import { workflow, step, task, waitForSignal } from 'orchestra';
import { z } from 'zod';

export const approval = workflow('approval', async (ctx, input: { amount: number; customer: string }) => {
  const quote = await step(ctx, 'quote', async () => ({ total: input.amount * 2 }));
  const review = await task(ctx, { title: \`Approve \${quote.total} EUR for \${input.customer}?\`, form: { ok: { type: 'boolean', required: true } }, assignTo: { group: 'finance' } });
  const go = await waitForSignal(ctx, 'ship');
  return step(ctx, 'ship', async () => ({ ok: review.data.ok === true, carrier: go.received ? go.payload : null, code: ${shipped} }));
}, { input: z.object({ amount: z.number().positive(), customer: z.string().min(1) }), description: 'approve, then ship' });
`;

export interface TestProject {
  dir: string;
  write(name: string, content: string): void;
  remove(): void;
}

export function createWorkflowProject(prefix = 'orchestra-wf-services-'): TestProject {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  mkdirSync(join(dir, 'workflows'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(fileURLToPath(new URL('../../../../node_modules/zod', import.meta.url)), join(dir, 'node_modules/zod'));
  writeFileSync(join(dir, 'orchestra.yaml'), 'people:\n  users:\n    ann: { email: ann@example.com }\n  groups:\n    finance: [ann]\n  admins: [ann]\n');
  writeFileSync(join(dir, 'workflows/approval.ts'), approvalWorkflow());
  return {
    dir,
    write: (name, content) => writeFileSync(join(dir, name), content),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
