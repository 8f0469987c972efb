import { z } from 'zod';
import { agentLibrary, agentLibraryOutput } from '../agents/index.js';
import { projectInput } from '../pipelines/index.js';
import { requireKnownProject } from './known-project.js';
import { defineOperation } from './operation.js';

/** The agent library (issue 15): what a project's nodes and tasks can name as an agent, a layer or a sub-pipeline. */
export const agentOperations = [
  defineOperation({
    name: 'agents.list',
    summary: "List a project's agent profiles, prompt layers and composable pipelines",
    description:
      "Lists what a project's pipelines and tasks can use: the CLI agent profiles (built-ins and orchestra.yaml's cli_agents; env variable names only, never values), the agents of orchestra.yaml with their prompt layer files (path and first lines), and the project's pipelines usable as a type=\"pipeline\" node (goal, the variables they use, who uses them).",
    access: 'read',
    idempotent: true,
    input: z.strictObject({ project: projectInput }),
    output: agentLibraryOutput,
    http: { method: 'get', path: '/agents' },
    mcp: 'agent_list',
    handle: async (deps, _caller, input) => agentLibrary(requireKnownProject(deps, input.project), deps.env),
  }),
] as const;
