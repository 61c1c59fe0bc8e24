// Lint rules, including the import boundaries between src/lib folders (model ← regions ← io ← views ← state ← App).
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Folders each src/lib folder may NOT import from; dependencies point one way. */
const forbidden = {
  model: ['regions', 'io', 'graph', 'map', 'timeline', 'state', 'export', 'ui', 'views', 'i18n'],
  i18n: ['model', 'regions', 'io', 'graph', 'map', 'timeline', 'state', 'export', 'ui', 'views'],
  regions: ['io', 'graph', 'map', 'timeline', 'state', 'export', 'ui', 'views', 'i18n'],
  io: ['graph', 'map', 'timeline', 'state', 'export', 'ui', 'views'],
  timeline: ['io', 'graph', 'map', 'state', 'export', 'ui', 'views'],
  graph: ['io', 'map', 'timeline', 'state', 'export', 'ui', 'views'],
  map: ['io', 'graph', 'timeline', 'state', 'export', 'ui', 'views'],
  export: ['state', 'ui', 'views'],
  state: ['export', 'ui', 'views', 'story'],
  story: ['io', 'graph', 'map', 'export', 'ui', 'views', 'i18n'],
  ui: ['state', 'views'],
  table: ['io', 'graph', 'map', 'timeline', 'state', 'export', 'ui', 'views'],
  keys: ['model', 'regions', 'io', 'graph', 'map', 'timeline', 'state', 'export', 'ui', 'views', 'table'],
};

const boundaryRules = Object.entries(forbidden).map(([folder, banned]) => ({
  files: [`src/lib/${folder}/**/*.{ts,svelte}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((b) => ({
          group: [`**/lib/${b}/*`, `../${b}/*`, `../../${b}/*`, `$lib/${b}/*`],
          message: `src/lib/${folder} must not depend on src/lib/${b} (see docs/architecture.md).`,
        })),
      },
    ],
  },
}));

export default ts.config(
  {
    ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/canary/', 'bench/tmp/', '.dev/'],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'svelte/no-at-html-tags': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Never write HTML strings: build DOM nodes with textContent.',
        },
        { selector: "AssignmentExpression[left.property.name='outerHTML']", message: 'Never write HTML strings.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never write HTML strings.' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig },
    },
  },
  ...boundaryRules,
);
