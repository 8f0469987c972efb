import { attributesFor, type AttributeCatalogue, type CatalogueAttribute } from './attribute-catalogue';
import { AttributeField } from './attribute-field';
import type { SelectedTarget } from './selection';

interface Props {
  catalogue: AttributeCatalogue | undefined;
  target: SelectedTarget;
  onSet(key: string, value: string | undefined): void;
  /** Deletes the selected node or edge; absent for the graph. */
  onDelete?(): void;
}

/**
 * The side panel of the selected graph, node or edge: the attributes it sets, then (folded) the
 * others the catalogue allows there. Attributes the catalogue does not know are shown as text.
 */
export function AttributePanel({ catalogue, target, onSet, onDelete }: Props) {
  const known = catalogue ? attributesFor(catalogue, target.scope, target.attrs) : [];
  const unknown = Object.keys(target.attrs).filter((name) => !known.some((attribute) => attribute.name === name) && name !== 'pos');
  const isSet = (attribute: CatalogueAttribute) => attribute.name in target.attrs;
  const field = (attribute: CatalogueAttribute) => <AttributeField key={attribute.name} attribute={attribute} value={target.attrs[attribute.name]} onSet={(value) => onSet(attribute.name, value)} />;
  return (
    <aside className="node-panel attribute-panel" aria-labelledby="attribute-panel-title" data-testid="attribute-panel">
      <header className="page-header">
        <h2 id="attribute-panel-title">{target.title}</h2>
        {onDelete && <button type="button" onClick={onDelete}>Delete</button>}
      </header>
      {!catalogue && <p className="muted">Loading the attribute catalogue…</p>}
      {known.filter(isSet).map(field)}
      {unknown.map((name) => field({ name, appliesTo: [target.scope], type: 'string', description: 'Not in the attribute catalogue.' }))}
      {known.some((attribute) => !isSet(attribute)) && (
        <details className="more-attributes" open={known.filter(isSet).length === 0}>
          <summary>More attributes</summary>
          {known.filter((attribute) => !isSet(attribute)).map(field)}
        </details>
      )}
    </aside>
  );
}
