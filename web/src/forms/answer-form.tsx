import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { checkAnswer, problemsByField } from './check-answer';
import { answerOf, initialDraft, type Draft, type DraftValue } from './draft';
import { inputId } from './fields/field-frame';
import { FormFieldInput } from './form-field';
import type { FieldProblem, FormDefinition, JsonValue } from './form-types';

interface Props {
  /** Prefix of the inputs' ids: unique on the page. */
  formId: string;
  form: FormDefinition;
  /** What the server refused in the last answer sent (problem+json `errors`), shown beside the fields. */
  serverProblems: readonly FieldProblem[];
  busy?: boolean;
  disabled?: boolean;
  submitLabel?: string;
  onAnswer(answer: Record<string, JsonValue>): void;
  /** More buttons, after Answer. */
  children?: ReactNode;
}

/**
 * A human task's form, generated from its fields. Answer checks it first with the server's rules
 * and sends only an answer they accept; once refused, each problem follows the edits live. The
 * server's own refusals show beside their fields until that field is edited.
 */
export function AnswerForm({ formId, form, serverProblems, busy = false, disabled = false, submitLabel = 'Answer', onAnswer, children }: Props) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(form));
  const [tried, setTried] = useState(false);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setEdited(new Set()), [serverProblems]);

  const check = checkAnswer(form, answerOf(form, draft));
  const client = tried && !check.ok ? check.problems : [];
  const server = serverProblems.filter((problem) => !edited.has(problem.field));
  const shown = problemsByField([...client, ...server]);
  const elsewhere = [...client, ...server].filter((problem) => !Object.hasOwn(form, problem.field));

  const change = (name: string, value: DraftValue) => {
    setDraft((current) => ({ ...current, [name]: value }));
    setEdited((current) => new Set(current).add(name));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (check.ok) {
      onAnswer(check.value);
      return;
    }
    const first = check.problems.find((problem) => Object.hasOwn(form, problem.field));
    if (first) document.getElementById(inputId(formId, first.field))?.focus();
  };
  const count = Object.keys(shown).filter((name) => Object.hasOwn(form, name)).length;
  return (
    <form className="answer-form" noValidate onSubmit={submit} aria-label="Answer">
      {Object.entries(form).map(([name, field]) => (
        <FormFieldInput key={name} formId={formId} name={name} field={field} value={draft[name] ?? ''} problem={shown[name]} disabled={disabled || busy} onChange={(value) => change(name, value)} />
      ))}
      <div role="status" className="form-summary error">
        {count > 0 && `${count === 1 ? 'One field needs' : `${count} fields need`} a fix before the answer can go.`}
        {elsewhere.map((problem) => <span key={problem.field}> {problem.field}: {problem.message}</span>)}
      </div>
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={disabled || busy}>{busy ? 'Sending…' : submitLabel}</button>
        {children}
      </div>
    </form>
  );
}
