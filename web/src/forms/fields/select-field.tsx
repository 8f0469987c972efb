import { ChoiceFrame, FieldFrame, inputAria, inputId, type FieldProps } from './field-frame';

/** Up to this many options show as radio buttons (all visible, one key press each); more as a list box. */
const radioLimit = 6;

/** One of the options: its value is what is answered, its label what is shown. */
export function SelectField(props: FieldProps<string>) {
  const { formId, name, field, value, disabled, onChange } = props;
  const options = field.options ?? [];
  if (options.length > radioLimit) {
    return (
      <FieldFrame props={props}>
        <select id={inputId(formId, name)} name={name} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} {...inputAria(props)}>
          <option value="">— choose —</option>
          {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
      </FieldFrame>
    );
  }
  return (
    <ChoiceFrame props={props}>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input type="radio" name={`${formId}-${name}`} value={option.value} checked={value === option.value} disabled={disabled} onChange={() => onChange(option.value)} />{' '}
          {option.label}
        </label>
      ))}
    </ChoiceFrame>
  );
}
