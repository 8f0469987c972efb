/**
 * The served project holding `file` (a run's DOT file): the deepest project folder it is inside.
 * A gate's task was made with that project's people:, so its actions name it (as runs.answer does).
 */
export function projectOfFile(projects: readonly string[], file: string): string | undefined {
  const holding = projects.filter((project) => file.startsWith(project.endsWith('/') ? project : `${project}/`));
  return holding.sort((a, b) => b.length - a.length)[0];
}
