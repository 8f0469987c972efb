import { gitignoreHint } from './gitignore-hint.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, ExitCode, OrchestraError } from '../../core/errors.js';
import type { TaskView } from '../../server/tasks/task-queries.js';
import type { CommandContext } from '../command-context.js';
import { withProject } from '../daemon-connection.js';
import { isTerminal, openInEditor } from './editor.js';

export interface NewTaskOptions {
  message?: string;
  base?: string;
  agent?: string;
  json?: boolean;
}

const template = (slug: string): string =>
  `\n<!-- Describe the task "${slug}" for the agent above this line. Lines in comments like this one are dropped. -->\n`;

/** `orchestra new <slug>`: a draft task; the description comes from -m or from $EDITOR. */
export async function newTaskCommand(ctx: CommandContext, slug: string, options: NewTaskOptions): Promise<number> {
  const description = options.message ?? (await descriptionFromEditor(ctx, slug));
  if (description.trim().length === 0) {
    throw new OrchestraError(ErrorCode.USAGE, 'the task description is empty; no task was created.', { hint: 'Write what the agent should do, or pass it with -m "…".' });
  }
  const { task, hint } = await withProject(ctx, async (client, project) => {
    const created = await client.call<TaskView>('task.create', { project, slug, description, baseBranch: options.base, agent: options.agent });
    // The project's first task (ids are never reused, so task 1 is made once, even by racing
    // `new`s): the moment to say what to do about .gitignore (see gitignore-hint.ts).
    return { task: created, hint: created.id === 1 ? await gitignoreHint(project) : undefined };
  });
  if (options.json) ctx.io.stdout.write(`${JSON.stringify(task)}\n`);
  else ctx.io.stdout.write(`created task ${task.id} (${task.slug}) on ${task.baseBranch}: ${task.file}\nstart it: orchestra start ${task.id}\n`);
  if (hint !== undefined) ctx.io.stderr.write(`${hint}\n`);
  return ExitCode.OK;
}

async function descriptionFromEditor(ctx: CommandContext, slug: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'orchestra-new-'));
  const file = join(dir, `${slug}.md`);
  try {
    await writeFile(file, template(slug));
    openInEditor(file, ctx.io.env, { terminal: isTerminal(ctx) });
    return (await readFile(file, 'utf8')).replace(/<!--[\s\S]*?-->/g, '').trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
