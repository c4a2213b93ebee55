import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { BROWSER, LAYERS, PURE, forbiddenFor, layerRule } from './.dependency-cruiser.js';

// The layer rule as the editor shows it while typing: @parley imports by name, and Node modules in
// the pure packages. dependency-cruiser (`npm run lint:layers`) stays the authority: it also sees
// relative paths across packages, dynamic imports, cycles and package.json dependencies.
// TEST of .dependency-cruiser.js, as globs.
const testCode = [
  '**/*.test.ts',
  '**/*.test-support.ts',
  '**/test-support.ts',
  '**/test-cli.ts',
  '**/fixtures/**',
];
const layerBlocks = Object.keys(LAYERS).map((pkg) => {
  const patterns = [
    {
      regex: `^@parley/(${forbiddenFor(pkg).join('|')})/`,
      message: `${layerRule(pkg)} (CONTRIBUTING.md, Layers)`,
    },
  ];
  if (BROWSER.includes(pkg)) {
    patterns.push({
      regex: `^(node:|(${builtinModules.join('|')})(/|$))`,
      message: `packages/${pkg} runs in a browser: no Node module. It reaches the server over HTTP.`,
    });
  }
  if (PURE.includes(pkg)) {
    patterns.push({
      regex: `^(node:|(${builtinModules.join('|')})(/|$))`,
      message: `packages/${pkg} runs in a browser too: no Node module. I/O belongs to case-files and cli.`,
    });
  }
  return {
    files: [`packages/${pkg}/src/**/*.ts`, `packages/${pkg}/src/**/*.tsx`],
    ignores: testCode,
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
});

export default tseslint.config(
  { ignores: ['node_modules', 'coverage', 'dist', '.parley', 'packages/web/dist', 'test-artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerBlocks,
  {
    // Tests read parsed JSON output: typing every shape there would only restate the assertions.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
