import type { ComponentType } from 'react';
import type { DraftValue } from './draft';
import { BooleanField } from './fields/boolean-field';
import { DateField } from './fields/date-field';
import type { FieldProps } from './fields/field-frame';
import { MultiselectField } from './fields/multiselect-field';
import { NumberField } from './fields/number-field';
import { SelectField } from './fields/select-field';
import { TextField } from './fields/text-field';
import { TextareaField } from './fields/textarea-field';
import type { FieldType } from './form-types';

/** The component of each field type the server knows (FormFieldTypes): adding a type there fails the type check here. */
const components: Readonly<Record<FieldType, ComponentType<FieldProps<never>>>> = {
  text: TextField,
  email: TextField,
  url: TextField,
  textarea: TextareaField,
  number: NumberField,
  boolean: BooleanField,
  select: SelectField,
  multiselect: MultiselectField,
  date: DateField,
};

/** One field of a form, drawn by the component of its type. */
export function FormFieldInput(props: FieldProps<DraftValue>) {
  const Component = components[props.field.type] as ComponentType<FieldProps<DraftValue>>;
  return <Component {...props} />;
}
