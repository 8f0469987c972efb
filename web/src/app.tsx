import { lazy, Suspense } from 'react';
import { hrefOf, useRoute, type Route } from './lib/router';
import { nextTheme, useTheme, type ThemeChoice } from './lib/theme';
import { RunsPage } from './pages/runs-page';
import { TaskPage } from './tasks/task-page';
import { TasksBoard } from './tasks/tasks-board';

// The run page brings React Flow and ELK (most of the dashboard's weight): loaded when first opened.
const RunPage = lazy(() => import('./pages/run-page'));
// The inbox brings the form rules' RE2 engine (the server's own): loaded when first opened.
const InboxRoutes = lazy(() => import('./inbox/inbox-routes'));
const WorkflowPage = lazy(() => import('./pages/run-workflow-page'));
const GuidedPage = lazy(() => import('./pages/run-guided-page'));
const AgentsPage = lazy(() => import('./agents/agents-page'));
const EditorPage = lazy(() => import('./pages/editor-page'));

const sections = [
  { id: 'runs', title: 'Runs' },
  { id: 'inbox', title: 'Inbox' },
  { id: 'tasks', title: 'Tasks' },
  { id: 'editor', title: 'Editor' },
  { id: 'agents', title: 'Agents' },
] as const;

const themeLabels: Readonly<Record<ThemeChoice, string>> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

/** The layout: a skip link, the navigation, the theme toggle, and the page of the current route. */
export function App() {
  const route = useRoute();
  const [theme, setTheme] = useTheme();
  // Workflow and guided instance pages belong to the Runs section.
  const section = route.segments[0] === 'workflows' || route.segments[0] === 'guided' ? 'runs' : route.segments[0];
  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">Orchestra</span>
        <nav aria-label="Sections">
          <ul>
            {sections.map(({ id, title }) => (
              <li key={id}>
                <a href={hrefOf([id])} aria-current={section === id ? 'page' : undefined}>{title}</a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="theme-toggle" onClick={() => setTheme(nextTheme(theme))} aria-label={`${themeLabels[theme]} (change)`}>
          {themeLabels[theme]}
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Page route={route} colorMode={theme} />
        </Suspense>
      </main>
    </>
  );
}

function Page({ route, colorMode }: { route: Route; colorMode: ThemeChoice }) {
  const [section, id, rest] = route.segments;
  switch (section) {
    case 'runs':
      return id === undefined ? <RunsPage route={route} /> : <RunPage key={id} runId={id} route={route} colorMode={colorMode} />;
    case 'workflows':
      return id === undefined ? <RunsPage route={route} /> : <WorkflowPage key={id} instanceId={id} />;
    case 'guided':
      return id === undefined ? <RunsPage route={route} /> : <GuidedPage key={id} instanceId={id} />;
    case 'inbox':
      return <InboxRoutes route={route} />;
    case 'tasks':
      return id === undefined || rest === undefined ? <TasksBoard route={route} /> : <TaskPage key={`${id}:${rest}`} project={id} taskId={rest} />;
    case 'editor':
      return <EditorPage route={route} colorMode={colorMode} />;
    case 'agents':
      return <AgentsPage route={route} />;
    default:
      return <p role="alert">There is no page “{section}”. <a href={hrefOf(['runs'])}>Go to the runs</a>.</p>;
  }
}
