import { FieldFrame, inputAria, inputId, type FieldProps } from './field-frame';

/** Several lines of text. */
export function TextareaField(props: FieldProps<string>) {
  const { formId, name, value, disabled, onChange } = props;
  return (
    <FieldFrame props={props}>
      <textarea id={inputId(formId, name)} name={name} rows={4} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} {...inputAria(props)} />
    </FieldFrame>
  );
}
