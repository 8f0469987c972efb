import { FieldFrame, inputAria, inputId, type FieldProps } from './field-frame';

const inputTypes = { text: 'text', email: 'email', url: 'url' } as const;

/** A line of text: `text`, `email` and `url` fields (the browser's keyboard for each; the rules check them). */
export function TextField(props: FieldProps<string>) {
  const { formId, name, field, value, disabled, onChange } = props;
  const type = field.type === 'email' || field.type === 'url' ? inputTypes[field.type] : 'text';
  return (
    <FieldFrame props={props}>
      <input id={inputId(formId, name)} name={name} type={type} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} {...inputAria(props)} />
    </FieldFrame>
  );
}
