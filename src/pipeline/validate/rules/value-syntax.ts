import { textValue, type Attribute } from '../../graph/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';
import { ownerName, ownerWhere, writtenAttributes, type AttributeOwner } from './attribute-owners.js';
import { isTypeCheckedIn } from './attribute-type.js';

/**
 * An unquoted run-on number (`width=10px`) is not a DOT value (decision 14). The parser keeps it so
 * the rest of the file is still checked; this rule reports it. Attributes with a type are left to
 * attribute_type, whose message says what the type wants (`timeout=5min`: a duration such as 900s).
 */
export const valueSyntaxRule: LintRule = {
  name: 'value_syntax',
  apply(graph) {
    const diagnostics: Diagnostic[] = [];
    const runOn = (owner: AttributeOwner, attr: Attribute): boolean => attr.malformed === true && !isTypeCheckedIn(owner, attr);
    for (const { owner, attr } of writtenAttributes(graph, runOn)) {
      const text = textValue(attr.value);
      diagnostics.push({
        rule: 'value_syntax',
        severity: 'error',
        message: `Attribute "${attr.key}" of ${ownerName(owner)} has the unquoted value ${text}, which is neither a number, a duration nor a word.`,
        loc: attr.loc,
        ...ownerWhere(owner),
        fix: `quote it: ${attr.key}="${text}"`,
      });
    }
    return diagnostics;
  },
};
