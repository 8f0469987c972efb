import type { Route } from '../lib/router';
import { HumanTaskPage } from './human-task-page';
import { InboxPage } from './inbox-page';
import './inbox.css';

/** `#/inbox` (the list) and `#/inbox/ID` (one task); loaded when the inbox is first opened. */
export default function InboxRoutes({ route }: { route: Route }) {
  const id = route.segments[1];
  return id === undefined ? <InboxPage route={route} /> : <HumanTaskPage key={id} taskId={id} project={route.query.get('project') ?? ''} />;
}
