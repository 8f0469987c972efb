import type { AttributeSpec } from '../../attributes/attribute-spec.js';
import { findAttribute } from '../../attributes/catalog.js';
import { readBool, readDurationMs, readEnum, readFloat, readInt } from '../../graph/attr-read.js';
import type { Attribute } from '../../graph/model.js';
import { isOrchestraError } from '../../../core/errors.js';
import { formatLocation } from '../../../core/source-location.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';
import { ownerName, ownerWhere, writtenAttributes, type AttributeOwner } from './attribute-owners.js';

// Checked by their own rule at its own severity (fidelity_valid is a WARNING in the spec).
const ownedElsewhere = new Set(['fidelity', 'default_fidelity']);

/**
 * Known attributes hold values of their type (`max_retries="lots"`, `timeout="soon"`): checked with
 * the same readers the engine uses, so lint and run time agree on what is valid.
 */
export const attributeTypeRule: LintRule = {
  name: 'attribute_type',
  apply(graph) {
    const diagnostics: Diagnostic[] = [];
    const typed = (owner: AttributeOwner, attr: Attribute): boolean => isTypeCheckedIn(owner, attr) !== undefined;
    for (const { owner, attr } of writtenAttributes(graph, typed)) {
      const problem = typeProblem(isTypeCheckedIn(owner, attr) as AttributeSpec, attr, ownerName(owner));
      if (problem) diagnostics.push({ ...problem, ...ownerWhere(owner) });
    }
    return diagnostics;
  },
};

/** The attribute's spec when attribute_type checks its values (value_syntax covers the others). */
export function isTypeCheckedIn(owner: AttributeOwner, attr: Attribute): AttributeSpec | undefined {
  const spec = findAttribute(owner.scope, attr.key);
  return spec && spec.type.kind !== 'string' && !spec.display && !ownedElsewhere.has(spec.name) ? spec : undefined;
}

function typeProblem(spec: AttributeSpec, attr: Attribute, owner: string): Diagnostic | undefined {
  const attrs = { [attr.key]: attr };
  try {
    switch (spec.type.kind) {
      case 'integer': {
        const value = readInt(attrs, attr.key, owner);
        if (value !== undefined && spec.type.min !== undefined && value < spec.type.min) return belowMinimum(attr, owner, spec.type.min, value);
        break;
      }
      case 'float':
        readFloat(attrs, attr.key, owner);
        break;
      case 'boolean':
        readBool(attrs, attr.key, owner);
        break;
      case 'duration':
        readDurationMs(attrs, attr.key, owner);
        break;
      case 'enum':
        readEnum(attrs, attr.key, spec.type.values, owner);
        break;
      case 'string':
        break;
    }
    return undefined;
  } catch (error) {
    if (!isOrchestraError(error)) throw error;
    return {
      rule: 'attribute_type',
      severity: 'error',
      // The diagnostic carries the location already; the reader's message repeats it.
      message: error.message.replace(` (${formatLocation(attr.loc)})`, ''),
      loc: attr.loc,
      fix: error.hint,
    };
  }
}

function belowMinimum(attr: Attribute, owner: string, min: number, value: number): Diagnostic {
  return {
    rule: 'attribute_type',
    severity: 'error',
    message: `Attribute "${attr.key}" of ${owner} must be ${min} or more, found ${value}.`,
    loc: attr.loc,
    fix: `${attr.key}=${min}`,
  };
}
