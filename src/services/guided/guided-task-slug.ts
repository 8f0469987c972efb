import { maxSlugLength, suggestSlug } from '../../tasks/index.js';

/**
 * The slug of the task a guided step starts: the step and the end of the instance's id
 * (`BUILD` of `…eixbld` → `build-eixbld`). A step entered again in the same instance (a rule sent the
 * agent back to it) starts a new task, and slugs are unique in a project: `build-eixbld-2`, `-3`…
 * `taken` is the project's slugs now.
 */
export function guidedTaskSlug(step: string, guidedId: string, taken: ReadonlySet<string>): string {
  const instance = suggestSlug(guidedId.slice(-6));
  for (let entry = 1; ; entry += 1) {
    const tail = entry === 1 ? `-${instance}` : `-${instance}-${entry}`;
    // A long step name is cut, so the slug stays valid (at most maxSlugLength) and keeps its tail.
    const slug = `${suggestSlug(step).slice(0, maxSlugLength - tail.length).replace(/-+$/, '')}${tail}`;
    if (!taken.has(slug)) return slug;
  }
}
