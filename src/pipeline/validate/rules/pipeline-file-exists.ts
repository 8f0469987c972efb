import type { Diagnostic } from '../diagnostic.js';
import type { LintRule } from '../lint-rule.js';
import { compositionProblems } from './composition-walk.js';

/**
 * The DOT file a composed pipeline (`type="pipeline"`) names exists and parses, and so do the
 * files it composes in turn. Paths are relative to the file that names them.
 */
export const pipelineFileExistsRule: LintRule = {
  name: 'pipeline_file_exists',
  apply(graph, ctx) {
    const diagnostics: Diagnostic[] = [];
    for (const problem of compositionProblems(graph, ctx)) {
      if (problem.kind === 'cycle') continue;
      const { ref } = problem;
      const chain = problem.chain.join(' → ');
      let message: string;
      if (problem.kind === 'missing') {
        message = problem.direct
          ? `Node ${ref.nodeId} runs pipeline ${ref.written}, but ${problem.file} does not exist.`
          : `Node ${ref.nodeId} runs ${ref.written}, which leads to a missing pipeline: ${chain} (${problem.file} does not exist).`;
      } else {
        message = problem.direct
          ? `Node ${ref.nodeId} runs pipeline ${ref.written}, which cannot be read: ${problem.message}`
          : `Node ${ref.nodeId} runs ${ref.written}, which leads to a pipeline that cannot be read: ${chain}: ${problem.message}`;
      }
      diagnostics.push({
        rule: 'pipeline_file_exists',
        severity: 'error',
        message,
        loc: ref.attr.loc,
        nodeId: ref.nodeId,
        fix: problem.kind === 'missing' ? 'pipeline="child.dot" (relative to the file that names it)' : `fix ${problem.file} (\`orchestra compile\` it)`,
      });
    }
    return diagnostics;
  },
};
