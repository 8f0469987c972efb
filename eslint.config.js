// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layers, lowest first. A file may import its own layer and any lower one, never a higher one.
const layers = [
  ['core'],
  ['pipeline', 'guided', 'config'],
  ['store', 'tasks'],
  ['agents', 'workspace', 'humans', 'sessions', 'notify'],
  ['engine', 'workflows'],
  ['services'],
  ['server', 'cli', 'tui'],
  // The typed client (orchestra/client): a way in for programs, over the operations' types.
  ['client'],
];

function higherThan(index) {
  return layers.slice(index + 1).flat();
}

// Only authentication makes TenantScopes (docs/tenancy.md); tests mint their own.
const mintRule = {
  group: ['**/core/tenant-scope.js', '**/core/tenant-scope'],
  importNames: ['mintTenantScope'],
  message: 'Only src/services/auth makes TenantScopes (docs/tenancy.md): receive a scope instead.',
};
const testFiles = ['**/*.test.ts', '**/*.case.ts', '**/testing/**'];

function layerPatterns(folder, index) {
  return higherThan(index).map((name) => ({
    // Our modules are imported by relative paths; packages with such a folder (`@trpc/client`,
    // `@modelcontextprotocol/sdk/client/…`, `hono/client`) are not ours.
    group: [`./${name}/**`, `./${name}`, `../**/${name}/**`, `../**/${name}`],
    message: `src/${folder} is below src/${name} in the layer order (see ARCHITECTURE.md): it must not import it.`,
  }));
}

const layerRules = layers.flatMap((group, index) =>
  group.flatMap((folder) => {
    const patterns = layerPatterns(folder, index);
    const rule = (extra) => ({ 'no-restricted-imports': ['error', { patterns: [...patterns, ...extra] }] });
    const allowed = folder === 'services' ? [`src/services/auth/**/*.ts`] : [];
    return [
      { files: [`src/${folder}/**/*.ts`], rules: rule([mintRule]) },
      { files: [...testFiles.map((glob) => `src/${folder}/${glob}`), ...allowed], rules: rule([]) },
    ];
  }),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', structuredClone: 'readonly', performance: 'readonly', queueMicrotask: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  ...layerRules,
  {
    // The run loop stays deterministic: time and randomness come from the injected Clock / Random.
    files: ['src/engine/run/**/*.ts', 'src/engine/routing/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the injected Clock.' },
        { object: 'Math', property: 'random', message: 'Use the injected Random.' },
      ],
    },
  },
  {
    // The dashboard (issue 15) is a way in of its own: it reaches Orchestra through the HTTP API
    // only, so it imports its own files and packages, never src/ (types of src/client at most). The
    // one exception is the DOT editing library (src/pipeline/dot-edit): pure code the editor page
    // runs in the browser, so it reads and edits the text exactly as the server would.
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../src/**', '../../../src/**', '../src/**', '!../../src/client', '!../../src/client/**', '!../../../src/pipeline', '!../../../src/pipeline/dot-edit', '!../../../src/pipeline/dot-edit/*.js'], message: 'web/ uses the HTTP API only: it must not import src/ (but src/client types, and the pure DOT editing library).' }] }],
    },
  },
  { files: ['test/**/*.ts', 'bench/**/*.ts'], ignores: testFiles, rules: { 'no-restricted-imports': ['error', { patterns: [mintRule] }] } },
  {
    files: ['src/cli/**/*.ts', 'bench/**', 'test/**', '**/*.test.ts', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
);
