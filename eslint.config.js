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
  ['server', 'cli', 'tui'],
];

function higherThan(index) {
  return layers.slice(index + 1).flat();
}

const layerRules = layers.flatMap((group, index) => {
  const forbidden = higherThan(index);
  if (forbidden.length === 0) return [];
  return group.map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbidden.map((name) => ({
            group: [`**/${name}/*`, `**/${name}/**`, `**/${name}`],
            message: `src/${folder} is below src/${name} in the layer order (see ARCHITECTURE.md): it must not import it.`,
          })),
        },
      ],
    },
  }));
});

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
    files: ['src/cli/**/*.ts', 'bench/**', 'test/**', '**/*.test.ts', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
);
