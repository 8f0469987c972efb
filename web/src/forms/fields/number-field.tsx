import { FieldFrame, inputAria, inputId, type FieldProps } from './field-frame';

/**
 * A number, typed as text with a numeric keyboard: the browser's number input would turn "ten"
 * into nothing, and the person would not learn why it was refused.
 */
export function NumberField(props: FieldProps<string>) {
  const { formId, name, field, value, disabled, onChange } = props;
  const range = [field.min !== undefined && `from ${field.min}`, field.max !== undefined && `to ${field.max}`].filter(Boolean).join(' ');
  return (
    <FieldFrame props={props}>
      <input id={inputId(formId, name)} name={name} type="text" inputMode="decimal" value={value} disabled={disabled} placeholder={range || undefined} onChange={(event) => onChange(event.target.value)} {...inputAria(props)} />
    </FieldFrame>
  );
}
