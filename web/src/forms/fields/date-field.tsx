import { FieldFrame, inputAria, inputId, type FieldProps } from './field-frame';

/** A day, YYYY-MM-DD, with the browser's date picker (bounded by min and max when set). */
export function DateField(props: FieldProps<string>) {
  const { formId, name, field, value, disabled, onChange } = props;
  const bound = (edge: number | string | undefined) => (typeof edge === 'string' ? edge : undefined);
  return (
    <FieldFrame props={props}>
      <input id={inputId(formId, name)} name={name} type="date" value={value} min={bound(field.min)} max={bound(field.max)} disabled={disabled} onChange={(event) => onChange(event.target.value)} {...inputAria(props)} />
    </FieldFrame>
  );
}
