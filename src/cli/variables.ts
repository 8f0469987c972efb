import { ErrorCode, OrchestraError, refuseReservedVariables } from '../core/index.js';

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `key=value` arguments → run variables (decision 26). The value is everything after the first
 * `=`, so values may contain `=`; names are identifiers so that `$name` in prompts can refer to them.
 */
export function parseVariables(args: readonly string[]): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq < 0) {
      throw new OrchestraError(ErrorCode.VARIABLE, `Expected a variable as key=value, got "${arg}".`, {
        hint: 'Give variables after the file, e.g. `orchestra run review.dot pr_number=123`.',
      });
    }
    const name = arg.slice(0, eq);
    if (!namePattern.test(name)) {
      throw new OrchestraError(ErrorCode.VARIABLE, `Variable name "${name}" in "${arg}" is not a valid name.`, {
        hint: 'Names start with a letter or _ and contain only letters, digits and _ (they are used as $name in prompts).',
      });
    }
    if (Object.hasOwn(variables, name)) {
      throw new OrchestraError(ErrorCode.VARIABLE, `Variable "${name}" is given twice ("${arg}").`, {
        hint: 'Give each variable once.',
      });
    }
    variables[name] = arg.slice(eq + 1);
  }
  // The engine refuses them too; here `compile` and `run` say so before reading the pipeline.
  refuseReservedVariables(variables);
  return variables;
}
