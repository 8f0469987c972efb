import type { ReactNode } from 'react';
import type { DraftValue } from '../draft';
import type { FormField } from '../form-types';

/** What every field component gets: its name and field, the input's value, its problem, a way to change it. */
export interface FieldProps<V extends DraftValue> {
  /** Makes the element ids unique when two forms share a page. */
  formId: string;
  name: string;
  field: FormField;
  value: V;
  problem?: string | undefined;
  disabled?: boolean;
  onChange(value: V): void;
}

export const inputId = (formId: string, name: string) => `${formId}-${name}`;
const helpId = (formId: string, name: string) => `${formId}-${name}-help`;
const problemId = (formId: string, name: string) => `${formId}-${name}-problem`;

/** The accessibility attributes of a field's input: its help and its problem read with it. */
export function inputAria({ formId, name, field, problem }: FieldProps<DraftValue>) {
  const described = [field.help !== undefined && helpId(formId, name), problem !== undefined && problemId(formId, name)].filter(Boolean).join(' ');
  return {
    'aria-invalid': problem !== undefined ? true : undefined,
    'aria-describedby': described === '' ? undefined : described,
    'aria-required': field.required === true ? true : undefined,
  };
}

/** The label text: the field's label, else its name; a required one says so. */
function Caption({ name, field }: { name: string; field: FormField }) {
  return (
    <>
      {field.label ?? name}
      {field.required === true && <span className="required"> (required)</span>}
    </>
  );
}

export function Notes({ formId, name, field, problem }: FieldProps<DraftValue>) {
  return (
    <>
      {field.help !== undefined && <p id={helpId(formId, name)} className="field-help muted">{field.help}</p>}
      {problem !== undefined && <p id={problemId(formId, name)} className="field-problem error" data-field={name}>{field.label ?? name} {problem}</p>}
    </>
  );
}

/** One input with its label above it, its help and its problem below. */
export function FieldFrame({ props, children }: { props: FieldProps<DraftValue>; children: ReactNode }) {
  return (
    <div className={`form-field field-${props.field.type}`}>
      <label htmlFor={inputId(props.formId, props.name)}><Caption name={props.name} field={props.field} /></label>
      {children}
      <Notes {...props} />
    </div>
  );
}

/** A group of choices (radios, checkboxes) named by a legend. */
export function ChoiceFrame({ props, children }: { props: FieldProps<DraftValue>; children: ReactNode }) {
  const aria = inputAria(props);
  return (
    <fieldset className={`form-field field-${props.field.type}`} aria-describedby={aria['aria-describedby']} aria-invalid={aria['aria-invalid']} id={inputId(props.formId, props.name)} tabIndex={-1}>
      <legend><Caption name={props.name} field={props.field} /></legend>
      <div className="choices">{children}</div>
      <Notes {...props} />
    </fieldset>
  );
}
