import type { SourceLocation } from '../../core/source-location.js';
import type { DotGraph, EdgeStatement, NodeRef, Statement, SubgraphStatement } from '../dot/ast.js';
import { deriveClass, splitClassList } from './class-names.js';
import { textValue, type Attribute, type Attributes, type Graph, type GraphEdge, type GraphNode, type SubgraphRef } from './model.js';

// Defaults are immutable snapshots (one attribute per key), replaced, never changed, by each
// `node [...]` / `edge [...]`, so that scopes and nodes share them without copying.
type Defaults = readonly Attribute[];
const NO_DEFAULTS: Defaults = [];

interface Scope {
  nodeDefaults: Defaults;
  edgeDefaults: Defaults;
  /** Enclosing subgraphs, outermost first; empty at the top level. */
  subgraphs: readonly SubgraphRef[];
}

interface NodeDraft {
  id: string;
  /** Defaults in effect at each declaration, in order: later ones win. */
  inherited: Defaults[];
  /** Attribute lists of each declaration, in order: later ones win, and all beat `inherited`. */
  explicit: (readonly Attribute[])[];
  subgraphs: readonly SubgraphRef[];
  loc: SourceLocation;
  declared: boolean;
}

/**
 * Flattens a syntax tree into the Graph model. Scoping rules:
 * - `node [...]`/`edge [...]` defaults apply to later statements of the same scope and its subgraphs;
 *   explicit attributes win; inherited ones keep the location of the default.
 * - A node statement applies the defaults of its scope (later statements win); an edge applies the
 *   node defaults only to nodes it creates, as Graphviz does.
 * - A node belongs to the first subgraph that mentions it, and gets the classes of that subgraph chain.
 * - A node only ever named by edges is kept with `implicit: true` (decision 27: validation rejects it).
 */
export function buildGraph(ast: DotGraph, file: string): Graph {
  return new GraphBuilder().build(ast, file);
}

class GraphBuilder {
  private readonly graphAttrs = new Map<string, Attribute>();
  private readonly drafts = new Map<string, NodeDraft>();
  private readonly edges: GraphEdge[] = [];

  build(ast: DotGraph, file: string): Graph {
    this.walk(ast.body, { nodeDefaults: NO_DEFAULTS, edgeDefaults: NO_DEFAULTS, subgraphs: [] });
    const nodes = new Map<string, GraphNode>();
    for (const draft of this.drafts.values()) nodes.set(draft.id, finishNode(draft));
    return { name: ast.name, file, attrs: toAttributes([[...this.graphAttrs.values()]]), nodes, edges: this.edges, loc: ast.loc };
  }

  private walk(body: readonly Statement[], scope: Scope): void {
    const topLevel = scope.subgraphs.length === 0;
    for (const statement of body) {
      switch (statement.kind) {
        case 'attr-stmt':
          if (statement.target === 'node') scope.nodeDefaults = withAll(scope.nodeDefaults, statement.attrs);
          else if (statement.target === 'edge') scope.edgeDefaults = withAll(scope.edgeDefaults, statement.attrs);
          else if (topLevel) for (const attr of statement.attrs) this.graphAttrs.set(attr.key, attr);
          break;
        case 'attr-decl':
          // Inside a subgraph these describe the subgraph (its label was read on entry).
          if (topLevel) this.graphAttrs.set(statement.attr.key, statement.attr);
          break;
        case 'node':
          this.declareNode(statement.node, statement.attrs, scope);
          break;
        case 'edge':
          this.addEdges(statement, scope);
          break;
        case 'subgraph':
          this.walk(statement.body, enterSubgraph(scope, statement));
          break;
      }
    }
  }

  private declareNode(ref: NodeRef, attrs: readonly Attribute[], scope: Scope): void {
    const draft = this.mention(ref, scope);
    if (!draft.declared) {
      draft.declared = true;
      draft.loc = ref.loc;
    }
    if (draft.inherited[draft.inherited.length - 1] !== scope.nodeDefaults) draft.inherited.push(scope.nodeDefaults);
    if (attrs.length > 0) draft.explicit.push(attrs);
  }

  private addEdges(statement: EdgeStatement, scope: Scope): void {
    for (const ref of statement.nodes) this.mention(ref, scope);
    const edgeAttrs = toAttributes([scope.edgeDefaults, statement.attrs]);
    for (let i = 1; i < statement.nodes.length; i++) {
      const from = statement.nodes[i - 1] as NodeRef;
      const to = statement.nodes[i] as NodeRef;
      this.edges.push({ from: from.id, to: to.id, attrs: edgeAttrs, loc: spanning(from.loc, to.loc), index: this.edges.length });
    }
  }

  /** The node's draft, created on first mention with the scope's defaults. */
  private mention(ref: NodeRef, scope: Scope): NodeDraft {
    let draft = this.drafts.get(ref.id);
    if (!draft) {
      draft = { id: ref.id, inherited: [scope.nodeDefaults], explicit: [], subgraphs: scope.subgraphs, loc: ref.loc, declared: false };
      this.drafts.set(ref.id, draft);
    } else if (draft.subgraphs.length === 0) {
      draft.subgraphs = scope.subgraphs;
    }
    return draft;
  }
}

function enterSubgraph(scope: Scope, statement: SubgraphStatement): Scope {
  const label = subgraphLabel(statement.body);
  const ref: SubgraphRef = { id: statement.id, derivedClass: label === undefined ? undefined : deriveClass(label), ...(label === undefined ? {} : { label }) };
  return { nodeDefaults: scope.nodeDefaults, edgeDefaults: scope.edgeDefaults, subgraphs: [...scope.subgraphs, ref] };
}

/** The subgraph's `label`, wherever in its body it is set (the last one wins, as in Graphviz). */
function subgraphLabel(body: readonly Statement[]): string | undefined {
  let label: string | undefined;
  for (const statement of body) {
    if (statement.kind === 'attr-decl' && statement.attr.key === 'label') label = textValue(statement.attr.value);
    if (statement.kind === 'attr-stmt' && statement.target === 'graph') {
      for (const attr of statement.attrs) if (attr.key === 'label') label = textValue(attr.value);
    }
  }
  return label;
}

function finishNode(draft: NodeDraft): GraphNode {
  const attrs = toAttributes(draft.inherited, draft.explicit);
  const classAttr = attrs.class;
  const classes = classAttr ? splitClassList(textValue(classAttr.value)) : [];
  for (const subgraph of draft.subgraphs) if (subgraph.derivedClass) classes.push(subgraph.derivedClass);
  return { id: draft.id, attrs, classes: classes.length > 1 ? [...new Set(classes)] : classes, subgraphs: draft.subgraphs, loc: draft.loc, implicit: !draft.declared };
}

function withAll(defaults: Defaults, attrs: readonly Attribute[]): Defaults {
  const next = new Map<string, Attribute>();
  for (const attr of defaults) next.set(attr.key, attr);
  for (const attr of attrs) next.set(attr.key, attr);
  return [...next.values()];
}

/**
 * The attribute lists merged into one record, later lists winning. A plain object (a null-prototype
 * one is several times slower to build); `__proto__` is defined rather than assigned so that it
 * stays data. Read unknown keys with Object.hasOwn (attr-read does).
 */
function toAttributes(lists: readonly (readonly Attribute[])[], moreLists: readonly (readonly Attribute[])[] = []): Attributes {
  const out: Record<string, Attribute> = {};
  for (let i = 0; i < lists.length; i++) assignAll(out, lists[i] as readonly Attribute[]);
  for (let i = 0; i < moreLists.length; i++) assignAll(out, moreLists[i] as readonly Attribute[]);
  return out;
}

function assignAll(out: Record<string, Attribute>, list: readonly Attribute[]): void {
  for (let i = 0; i < list.length; i++) {
    const attr = list[i] as Attribute;
    if (attr.key === '__proto__') Object.defineProperty(out, attr.key, { value: attr, enumerable: true, writable: true, configurable: true });
    else out[attr.key] = attr;
  }
}

function spanning(from: SourceLocation, to: SourceLocation): SourceLocation {
  if (from.line !== to.line || to.endColumn === undefined) return from;
  return { file: from.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.endColumn };
}
