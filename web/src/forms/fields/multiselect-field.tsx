import { ChoiceFrame, type FieldProps } from './field-frame';

/** Any of the options, as checkboxes; the answer lists the values in the options' order. */
export function MultiselectField(props: FieldProps<string[]>) {
  const { formId, name, field, value, disabled, onChange } = props;
  const options = field.options ?? [];
  const toggle = (choice: string, on: boolean) => {
    const chosen = new Set(value);
    if (on) chosen.add(choice);
    else chosen.delete(choice);
    onChange(options.map((option) => option.value).filter((candidate) => chosen.has(candidate)));
  };
  return (
    <ChoiceFrame props={props}>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input type="checkbox" name={`${formId}-${name}`} value={option.value} checked={value.includes(option.value)} disabled={disabled} onChange={(event) => toggle(option.value, event.target.checked)} />{' '}
          {option.label}
        </label>
      ))}
    </ChoiceFrame>
  );
}
