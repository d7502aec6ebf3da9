import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const apps = ['server', 'processor', 'web', 'launcher', 'testkit'];

/** A shared workspace may import only the ones below it, never those above it or an app. */
function layer(workspace, above) {
  const banned = [...above, ...apps].map((name) => `@keepsake/${name}`);
  return [
    {
      files: [`${workspace}/src/**/*.ts`],
      ignores: [`${workspace}/src/**/*.test.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: [...banned, ...banned.map((name) => `${name}/*`)],
                message: `${workspace}/ sits below ${[...above, 'the apps'].join(', ')}: imports go one way (platform <- database <- vault).`,
              },
              {
                group: ['../../*/src/*', '../../../*/src/*'],
                message: 'Import another workspace by its package name, not a relative path.',
              },
            ],
          },
        ],
      },
    },
  ];
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-output/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['web/public/*.js'],
    languageOptions: { globals: { ...globals.serviceworker }, sourceType: 'script' },
  },
  {
    // The web imports the contracts too: nothing of Node's may creep in.
    files: ['contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'contracts/ is shared with the browser: no Node modules.' }] },
      ],
    },
  },
  // The shared workspaces depend one way: platform <- database <- vault <- server, processor, launcher.
  ...layer('platform', ['database', 'vault']),
  ...layer('database', ['vault']),
  ...layer('vault', []),
  {
    // Pipelines make renditions; publish/ moves what they made into place. One way only.
    files: ['processor/src/pipelines/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/publish/*'], message: 'pipelines/ must not import publish/ (publish builds on pipelines).' },
          ],
        },
      ],
    },
  },
  {
    // Route files are leaves: nothing outside routes/ imports from them.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/routes/**', 'server/src/app/**', 'server/src/**/*.test.ts', 'server/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/routes/*', '**/routes/**'],
              message: 'Only app/ registers routes; a helper a route needs is a service.',
            },
          ],
        },
      ],
    },
  },
  {
    // CLIs and benchmarks talk to a person on the terminal.
    files: ['**/cli/**', 'bench/**', 'scripts/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
);
