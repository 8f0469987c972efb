/**
 * The `event feed` migration (issue 12, src/store/feed.ts). Shipped schema: never edit, add a
 * migration. Triggers fill the feed inside the transaction of the change they report, so every
 * process that writes the store (the daemon, a foreground run, a worker) feeds it, and no code
 * path can forget to. AUTOINCREMENT: ids are never reused, even after pruning the newest rows, so a
 * client's Last-Event-ID always means the same place. The feed starts empty on an existing store:
 * the past stays readable from the runs, tasks and workflows themselves.
 * src/store/feed-entries.ts builds the same entries for the memory store; keep the two alike.
 */
export const feedSchemaSql = `
  CREATE TABLE feed (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant    TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('run', 'human_task', 'workflow', 'task')),
    subject   TEXT NOT NULL,
    type      TEXT NOT NULL,
    at        INTEGER NOT NULL,
    data_json TEXT NOT NULL
  );
  CREATE INDEX feed_by_tenant ON feed (tenant, id);
  CREATE INDEX feed_by_subject ON feed (tenant, kind, subject, id);
  CREATE INDEX feed_by_time ON feed (at);

  CREATE TRIGGER feed_run_event AFTER INSERT ON events BEGIN
    INSERT INTO feed (tenant, kind, subject, type, at, data_json)
    SELECT runs.tenant, 'run', NEW.run_id, NEW.type, NEW.at,
      json_object('runId', NEW.run_id, 'seq', NEW.seq, 'node', json_extract(NEW.json, '$.node'), 'status', json_extract(NEW.json, '$.status'))
    FROM runs WHERE runs.id = NEW.run_id;
  END;

  CREATE TRIGGER feed_human_task AFTER INSERT ON human_task_history BEGIN
    INSERT INTO feed (tenant, kind, subject, type, at, data_json)
    SELECT NEW.tenant, 'human_task', NEW.task_id, 'human_task.' || NEW.action, NEW.at,
      json_object('humanTaskId', NEW.task_id, 'seq', NEW.seq, 'actor', NEW.actor, 'status', human_tasks.status)
    FROM human_tasks WHERE human_tasks.tenant = NEW.tenant AND human_tasks.id = NEW.task_id;
  END;

  CREATE TRIGGER feed_workflow_started AFTER INSERT ON workflow_instances BEGIN
    INSERT INTO feed (tenant, kind, subject, type, at, data_json)
    VALUES (NEW.tenant, 'workflow', NEW.id, 'workflow.started', NEW.created_at, json_object('workflowId', NEW.id, 'name', NEW.name, 'status', NEW.status));
  END;

  CREATE TRIGGER feed_workflow_status AFTER UPDATE OF status ON workflow_instances WHEN OLD.status IS NOT NEW.status BEGIN
    INSERT INTO feed (tenant, kind, subject, type, at, data_json)
    VALUES (NEW.tenant, 'workflow', NEW.id, 'workflow.' || NEW.status, NEW.updated_at,
      json_object('workflowId', NEW.id, 'name', NEW.name, 'status', NEW.status, 'previousStatus', OLD.status));
  END;

  CREATE TRIGGER feed_workflow_step AFTER INSERT ON workflow_journal BEGIN
    INSERT INTO feed (tenant, kind, subject, type, at, data_json)
    VALUES (NEW.tenant, 'workflow', NEW.instance_id, 'workflow.step', json_extract(NEW.entry_json, '$.at'),
      json_object('workflowId', NEW.instance_id, 'position', NEW.position, 'kind', json_extract(NEW.entry_json, '$.kind'),
        'name', json_extract(NEW.entry_json, '$.name'), 'ok', json(CASE WHEN json_type(NEW.entry_json, '$.error') IS NULL THEN 'true' ELSE 'false' END)));
  END;
`;
