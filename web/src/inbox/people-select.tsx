import { useApi } from '../lib/use-api';

/**
 * Whose `people:` decide who I am to the inbox (my groups, whether I am an admin): a served
 * project's orchestra.yaml, or the daemon's own config. Shown only when the daemon serves projects.
 */
export function PeopleSelect({ value, onChange }: { value: string; onChange(project: string): void }) {
  const projects = useApi<{ projects: string[] }>('/projects');
  const listed = projects.data?.projects ?? [];
  if (listed.length === 0 && value === '') return null;
  return (
    <label className="filter">
      People of{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">the daemon’s config</option>
        {[...new Set([...listed, ...(value === '' ? [] : [value])])].map((project) => <option key={project} value={project}>{project}</option>)}
      </select>
    </label>
  );
}
