import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';
import { compositionProblems } from './composition-walk.js';

/**
 * A composed pipeline (`type="pipeline"`) must not include itself, directly or through other
 * pipelines: the run would nest forever. Reported at the node's `pipeline` attribute with the chain.
 */
export const compositionCycleRule: LintRule = {
  name: 'composition_cycle',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const problem of compositionProblems(graph, ctx)) {
      if (problem.kind !== 'cycle') continue;
      const { ref } = problem;
      const what = problem.throughRoot ? 'which includes this pipeline again' : 'whose composition has a cycle';
      diagnostics.push({
        rule: 'composition_cycle',
        severity: 'error',
        message: `Node ${ref.nodeId} runs ${ref.written}, ${what}: ${problem.chain.join(' → ')}.`,
        loc: ref.attr.loc,
        nodeId: ref.nodeId,
        fix: 'remove or change one pipeline node in the chain: a pipeline cannot run itself',
      });
    }
    return diagnostics;
  },
};
