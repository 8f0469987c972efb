import { hrefOf, replaceQuery, type Route } from '../lib/router';
import { useApi } from '../lib/use-api';
import { LayersSection } from './layers-section';
import { PipelinesSection } from './pipelines-section';
import { ProfilesSection } from './profiles-section';
import { chosenProject, projectName } from './project-choice';
import type { AgentLibrary } from './types';
import './agents.css';

/**
 * The agent library of a project (seed 003): the CLI agent profiles its nodes and tasks can name,
 * its agents' prompt layers, and its pipelines usable as nodes of others. `?project=` picks the
 * project (GET /projects lists them), so a view of one project is a link.
 */
export default function AgentsPage({ route }: { route: Route }) {
  const projects = useApi<{ projects: string[] }>('/projects');
  const served = projects.data?.projects ?? [];
  const project = chosenProject(route.query.get('project'), served);
  return (
    <>
      <header className="page-header">
        <h1>Agents</h1>
        {served.length > 0 && (
          <label className="filter">
            Project{' '}
            <select value={project} onChange={(event) => replaceQuery(route, { project: event.target.value })}>
              {served.map((path) => (
                <option key={path} value={path} title={path}>
                  {projectName(path)}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      {projects.error && <p role="alert" className="error">{projects.error.message}</p>}
      {projects.data === undefined && !projects.error && <p className="muted">Loading…</p>}
      {projects.data !== undefined && project === undefined && (
        <p className="muted">No project is served yet. Run an orchestra command (e.g. <code>orchestra task list</code>) in a project once to add it.</p>
      )}
      {project !== undefined && <Library project={project} />}
    </>
  );
}

function Library({ project }: { project: string }) {
  const library = useApi<AgentLibrary>(`/agents?project=${encodeURIComponent(project)}`);
  if (library.error) return <p role="alert" className="error">{library.error.message}</p>;
  if (library.data === undefined) return <p className="muted">Loading…</p>;
  const { configFile } = library.data;
  return (
    <>
      <p className="muted library-source">
        <span className="mono">{project}</span> ·{' '}
        {configFile === null ? 'no orchestra.yaml: the built-in profiles alone' : <>from <code>{configFile}</code></>} · edit pipelines in the{' '}
        <a href={hrefOf(['editor'])}>editor</a>
      </p>
      <ProfilesSection profiles={library.data.profiles} />
      <LayersSection agents={library.data.agents} layers={library.data.layers} />
      <PipelinesSection pipelines={library.data.pipelines} />
    </>
  );
}
