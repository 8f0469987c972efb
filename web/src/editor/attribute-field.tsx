import { useEffect, useId, useState } from 'react';
import { defaultOf, fieldKindOf, type CatalogueAttribute } from './attribute-catalogue';

interface Props {
  attribute: CatalogueAttribute;
  /** As the file writes it; undefined when unset. */
  value: string | undefined;
  /** undefined removes the attribute. */
  onSet(value: string | undefined): void;
}

/**
 * One attribute's control, typed from the catalogue. A select or checkbox applies at once; typed
 * text applies when the field is left (or Enter in a one-line field), so the text is not rewritten
 * at every keystroke. Emptied, the attribute is removed.
 */
export function AttributeField({ attribute, value, onSet }: Props) {
  const id = useId();
  const kind = fieldKindOf(attribute);
  const fallback = defaultOf(attribute);
  const hint = `${attribute.description}${fallback !== undefined ? ` Default: ${fallback}.` : ''}`;
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = () => {
    const next = draft === '' ? undefined : draft;
    if (next !== value) onSet(next);
  };
  const label = (
    <label htmlFor={id} title={hint}>
      {attribute.name}
      {value === undefined && fallback !== undefined && <span className="muted"> ({fallback})</span>}
    </label>
  );
  switch (kind.control) {
    case 'checkbox':
      return (
        <div className="attribute-field is-checkbox">
          <input id={id} type="checkbox" checked={(value ?? attribute.default ?? 'false') === 'true'} onChange={(event) => onSet(checkboxValue(event.target.checked, attribute))} />
          {label}
        </div>
      );
    case 'select':
      return (
        <div className="attribute-field">
          {label}
          <select id={id} value={value ?? ''} onChange={(event) => onSet(event.target.value === '' ? undefined : event.target.value)}>
            <option value="">{fallback !== undefined ? `(default: ${fallback})` : '(unset)'}</option>
            {value !== undefined && !kind.values.includes(value) && <option value={value}>{value} (not allowed)</option>}
            {kind.values.map((allowed) => <option key={allowed} value={allowed}>{allowed}</option>)}
          </select>
        </div>
      );
    case 'textarea':
      return (
        <div className="attribute-field">
          {label}
          <textarea id={id} rows={3} value={draft} onChange={(event) => setDraft(event.target.value)} onBlur={commit} />
        </div>
      );
    default:
      return (
        <div className="attribute-field">
          {label}
          <input
            id={id}
            type={kind.control === 'number' ? 'number' : 'text'}
            {...(kind.control === 'number' && { step: kind.step, min: kind.min })}
            value={draft}
            placeholder={fallback}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={commit}
            onKeyDown={(event) => event.key === 'Enter' && commit()}
          />
        </div>
      );
  }
}

/** Unchecked goes back to the default when the default is false; otherwise the file says false. */
function checkboxValue(checked: boolean, attribute: CatalogueAttribute): string | undefined {
  if (checked) return 'true';
  return attribute.default === 'true' ? 'false' : undefined;
}
