import { inputAria, inputId, Notes, type FieldProps } from './field-frame';

/** Yes or no: a checkbox, its label beside it. Unticked answers false. */
export function BooleanField(props: FieldProps<boolean>) {
  const { formId, name, field, value, disabled, onChange } = props;
  return (
    <div className="form-field field-boolean">
      <label>
        <input id={inputId(formId, name)} name={name} type="checkbox" checked={value} disabled={disabled} onChange={(event) => onChange(event.target.checked)} {...inputAria(props)} />{' '}
        {field.label ?? name}
      </label>
      <Notes {...props} />
    </div>
  );
}
