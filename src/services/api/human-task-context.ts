import { z } from 'zod';
import { noPeople } from '../../config/index.js';
import { resolveActor } from '../../humans/people/resolve-actor.js';
import type { HumanTaskServiceContext } from '../human-tasks/context.js';
import type { ApiDeps } from './deps.js';
import { requireKnownProject } from './known-project.js';
import type { ApiCaller } from './operation.js';

/** The optional `project` of every human-task operation that acts as a person. */
export const peopleProject = z
  .string()
  .min(1)
  .max(4096)
  .optional()
  .describe("Absolute path of a project this Orchestra serves: its orchestra.yaml's people: decide your groups and whether you are an admin, and its notification routes apply. Absent: those of ORCHESTRA_HOME/config.yaml.");

/**
 * The human-task services' context for an API caller (issue 12): the caller's tenant, the caller's
 * user resolved as a person of the people that apply (`project`'s orchestra.yaml, else the
 * daemon's config: ApiDeps.humanTaskSettings), and the notifier of that same config. A user those
 * people do not list is E_UNKNOWN_PERSON; without any `people:` the user acts as itself.
 */
export async function humanTaskContext(deps: ApiDeps, caller: ApiCaller, project: string | undefined): Promise<HumanTaskServiceContext> {
  const dir = project === undefined ? undefined : requireKnownProject(deps, project);
  const { people, notices } = await deps.humanTaskSettings(dir);
  const actor = resolveActor(people, { value: caller.user, source: "the API token's user" });
  return { store: deps.store, scope: caller.scope, actor, people, now: () => deps.clock.now(), ...(notices && { notices }) };
}

/** For reads, which need no person: the caller's tenant and nothing more (an actor with no rights). */
export function humanTaskReader(deps: ApiDeps, caller: ApiCaller): HumanTaskServiceContext {
  return { store: deps.store, scope: caller.scope, actor: { id: caller.user, groups: [], admin: false }, people: noPeople, now: () => deps.clock.now() };
}
