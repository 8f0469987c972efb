import { z } from 'zod';
import { defineOperation } from './operation.js';

/** Projects (issue 15): the folders this Orchestra serves, which every project-scoped operation names. */
export const projectOperations = [
  defineOperation({
    name: 'projects.list',
    summary: 'List the projects this Orchestra serves',
    description: 'Lists the absolute paths of the projects this Orchestra serves (every folder an orchestra command ran in). Pass one as `project` to pipelines.*, tasks.* and runs.start.',
    access: 'read',
    idempotent: true,
    input: z.strictObject({}),
    output: z.object({ projects: z.array(z.string()) }),
    http: { method: 'get', path: '/projects' },
    mcp: 'project_list',
    handle: async (deps) => ({ projects: [...deps.projects.list()] }),
  }),
] as const;
