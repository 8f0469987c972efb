import { useId, useState, type FormEvent } from 'react';

/** The API's shape of an assignee (src/services/human-tasks/schemas.ts), checked before sending. */
const assigneeShape = /^(user|group):.+$/;

interface Props {
  busy: boolean;
  /** The server's word on `to`, when it refused the last reassignment. */
  problem?: string | undefined;
  onReassign(to: string): void;
}

/** Reassign a waiting task to `user:ID` or `group:ID` (its current assignee or an admin may). */
export function ReassignForm({ busy, problem, onReassign }: Props) {
  const id = useId();
  const [to, setTo] = useState('');
  const [local, setLocal] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = to.trim();
    if (!assigneeShape.test(trimmed)) {
      setLocal('expected user:ID or group:ID');
      return;
    }
    setLocal(undefined);
    onReassign(trimmed);
  };
  const shown = local ?? problem;
  return (
    <form className="reassign-form" noValidate onSubmit={submit} aria-label="Reassign">
      <label htmlFor={`${id}-to`}>Reassign to</label>
      <input id={`${id}-to`} value={to} placeholder="user:ID or group:ID" onChange={(event) => setTo(event.target.value)} aria-invalid={shown !== undefined ? true : undefined} aria-describedby={shown !== undefined ? `${id}-problem` : undefined} />
      <button type="submit" disabled={busy}>Reassign</button>
      {shown !== undefined && <p id={`${id}-problem`} className="field-problem error" data-field="to">{shown}</p>}
    </form>
  );
}
