import { existsSync } from 'node:fs';
import { ErrorCode, OrchestraError } from '../../core/errors.js';
import { packagePath } from '../../core/package-root.js';

/** Loads one TypeScript file in this process and returns its exports. */
export type ModuleLoader = (file: string) => Promise<Record<string, unknown>>;

export interface ModuleLoaderOptions {
  /**
   * The module `import … from 'orchestra'` gets. Default: this package's built entry, dist/index.js.
   * A worker may pass its own module object instead, so that workflows share its instance.
   */
  orchestraModule?: Record<string, unknown>;
}

/**
 * A loader for workflow files, built on jiti (TypeScript stripped in-process, no build step, no
 * files written: fsCache off; moduleCache off so each load reads the files afresh, which is what a
 * reload of changed workflows needs). jiti rather than tsx: its API takes an alias map per loader,
 * where tsx's tsImport has none (it would need a process-wide resolve hook); and it is pure
 * JavaScript without dependencies (tsx brings esbuild's native binary). Both report syntax errors
 * as file:line:col.
 *
 * `orchestra` is resolved to this package, so a project needs nothing installed. By default the
 * alias names dist/index.js, which Node imports natively: one instance per process, the same one a
 * library user gets. The CLI itself runs from an esbuild bundle (dist/bundle/), so beside the CLI's
 * copy of the code there is then a second one, dist/. That is safe by design: a definition is a plain
 * object carrying a Symbol.for() brand (isWorkflowDefinition sees it from either copy), and every SDK
 * call (`step`, `task`, `sleep`) takes the `ctx` the runtime made, so the runtime's state travels in
 * `ctx`, never in module state; errors are recognised by shape (isOrchestraError), not instanceof.
 * A worker that wants one instance (and to skip loading dist/) passes `orchestraModule`.
 * jiti itself is imported at the first load: commands that only list workflows (`runs`) never pay for it.
 */
export function createModuleLoader(options: ModuleLoaderOptions = {}): ModuleLoader {
  let loader: Promise<ModuleLoader> | undefined;
  return async (file) => {
    loader ??= import('jiti').then(({ createJiti }) => {
      const jiti = createJiti(import.meta.url, {
        fsCache: false,
        moduleCache: false,
        ...(options.orchestraModule !== undefined
          ? { virtualModules: { orchestra: options.orchestraModule } }
          : { alias: { orchestra: orchestraEntry() } }),
      });
      return (path: string) => jiti.import<Record<string, unknown>>(path);
    });
    return (await loader)(file);
  };
}

/** dist/index.js of this package; from a source checkout it exists once `npm run build` ran. */
export function orchestraEntry(): string {
  const entry = packagePath('dist', 'index.js');
  if (!existsSync(entry)) {
    throw new OrchestraError(ErrorCode.INTERNAL, `Orchestra's library entry ${entry} is missing, so workflow files cannot import 'orchestra'`, {
      hint: 'In a source checkout run `npm run build` first; an installed Orchestra ships it.',
    });
  }
  return entry;
}
