import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import noImportCycle from './scripts/lint/no-import-cycle.js';

// ---------------------------------------------------------------------------------------------
// Boundaries (docs/architecture.md). Folder rules are `import-x/no-restricted-paths` zones, in
// the style of bulletproof-react; package rules for the core are `no-restricted-imports`.

const root = import.meta.dirname;

/** Every folder under src/features, so a new feature is fenced in without editing this file. */
const features = readdirSync(`${root}/src/features`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const zones = {
  features: features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'Features never import each other: move the shared part to lib, components or core.',
  })),
  featuresDown: [
    {
      target: './src/features',
      from: ['./src/routes', './src/app'],
      message: 'Features are drawn by routes; they do not import routes or app.',
    },
  ],
  routesDown: [
    {
      target: './src/routes',
      from: './src/app',
      message: 'app/ wires the routes; not the reverse.',
    },
  ],
  shared: [
    {
      target: ['./src/components', './src/lib'],
      from: ['./src/features', './src/routes', './src/app'],
      message: 'Shared code must not depend on a feature, a route or the app.',
    },
  ],
  coreApp: [
    {
      target: './src/core',
      from: ['./src/features', './src/routes', './src/app', './src/lib', './src/components'],
      message: 'src/core is pure: it must not import the app.',
    },
  ],
  coreTestKit: [
    {
      target: './src/core',
      from: ['./src/mocks', './src/testing'],
      message: 'Only tests (*.test.ts) may use src/mocks and src/testing from the core.',
    },
  ],
  appTestKit: [
    {
      target: './src',
      from: './src/testing',
      message: 'src/testing is for tests only.',
    },
  ],
};

const restrictedPaths = (...lists) => [
  'error',
  { basePath: root, zones: lists.flatMap((name) => zones[name]) },
];

// The app ships zod's tree-shakable form; the classic build would add ~40 KB gzip to every page.
const zodMini = { name: 'zod', message: "Import * as z from 'zod/mini' in app code." };

/**
 * What the core may import: itself, zod/mini, fuse.js and @sinonjs/fake-timers (the replay
 * clock, which fakes the timers of a global it is handed); in tests also vitest and node:*.
 * Everything else is refused: React, react-dom, @tanstack/*, msw, the SDKs, node:*, d3, …
 */
const coreOnly = (extra) => ({
  regex: `^(?!\\.{1,2}/|zod/mini$|fuse\\.js$|@sinonjs/fake-timers$${extra})`,
  message:
    'src/core runs unchanged in Node, the browser and the Worker: it imports only zod/mini, ' +
    'fuse.js, @sinonjs/fake-timers (the replay clock) and itself (no React, DOM, TanStack, ' +
    'node:*, MSW or SDKs).',
});

/** Globals that exist in a browser page but not in Node or a Worker. */
const browserOnly = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'Element',
  'requestAnimationFrame',
].map((name) => ({ name, message: 'src/core must also run in Node and the Worker.' }));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['public/**/*.js'], languageOptions: { globals: globals.browser } },
  { files: ['src/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodMini] }] },
  },

  // Boundaries. For one rule the last matching block wins, so tests come after app code.
  {
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, local: { rules: { 'no-import-cycle': noImportCycle } } },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'local/no-import-cycle': 'error',
      'import-x/no-restricted-paths': restrictedPaths(
        'features',
        'featuresDown',
        'routesDown',
        'shared',
        'coreApp',
        'coreTestKit',
        'appTestKit',
      ),
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/testing/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': restrictedPaths(
        'features',
        'featuresDown',
        'routesDown',
        'shared',
        'coreApp',
      ),
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [coreOnly('')] }],
      'no-restricted-globals': ['error', ...browserOnly],
    },
  },
  {
    files: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [coreOnly('|zod$|vitest$|fast-check$|node:')] },
      ],
    },
  },
);
