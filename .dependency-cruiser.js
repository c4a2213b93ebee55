// The layer rule of CONTRIBUTING.md, checked on every import by `npm run lint`; scripts/layers.test.ts
// proves that each rule fires. Data flows down: model ← core ← app ← case-files, store ← server ← cli.
// eslint.config.js builds its import rules from LAYERS and PURE here, so the rule is written once.

/**
 * Tests, their support modules and fixtures may reach anything: they sit beside the code they test.
 * (eslint.config.js spells the same files as globs.)
 */
export const TEST = [
  '\\.test\\.ts$',
  '\\.test-support\\.ts$',
  '(^|/)test-support\\.ts$',
  '(^|/)test-cli\\.ts$',
  '(^|/)fixtures/',
  // Benchmarks set up what they measure with the tests' support (a fresh database, a case).
  '^bench/',
];

/** The @parley packages each package may import. Nothing may import the cli. */
export const LAYERS = {
  model: [],
  core: ['model'],
  app: ['model', 'core'],
  'case-files': ['model', 'core', 'app'],
  store: ['model', 'core', 'app'],
  server: ['model', 'core', 'app', 'store'],
  cli: ['model', 'core', 'app', 'case-files', 'store', 'server'],
  // The browser workbench: it reaches the server over HTTP, never by import.
  web: ['model', 'core', 'app'],
};

/** The packages that run the same in a test, a worker or a browser: no node:* module. */
export const PURE = ['model', 'core', 'app'];

/** Packages that run only in a browser: no node:* module in their src/ either. */
export const BROWSER = ['web'];

const packages = Object.keys(LAYERS);

/** The @parley packages that `pkg` may not import. */
export const forbiddenFor = (pkg) =>
  packages.filter((other) => other !== pkg && !LAYERS[pkg].includes(other));

/** The rule for `pkg`, as a message. */
export const layerRule = (pkg) =>
  LAYERS[pkg].length === 0
    ? `packages/${pkg} imports no other @parley package.`
    : `Of the @parley packages, packages/${pkg} imports only ${LAYERS[pkg].join(', ')}.`;

const layerRules = packages.map((pkg) => ({
  name: `layer-${pkg}`,
  comment: layerRule(pkg),
  severity: 'error',
  from: { path: `^packages/${pkg}/`, pathNot: TEST },
  to: { path: `^packages/(${forbiddenFor(pkg).join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...layerRules,
    {
      name: 'no-node-in-pure-layers',
      comment: `${PURE.join(', ')} import no Node module (node:* or bare, like fs): I/O belongs to case-files and cli.`,
      severity: 'error',
      from: { path: `^packages/(${PURE.join('|')})/`, pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-node-in-browser',
      comment: `${BROWSER.join(', ')} runs in a browser: no Node module in its src/.`,
      severity: 'error',
      from: { path: `^packages/(${BROWSER.join('|')})/src/`, pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-test-code-in-product',
      comment: 'Tests, test-support modules and fixtures are imported only by tests.',
      severity: 'error',
      from: { pathNot: TEST },
      to: { path: TEST },
    },
    {
      name: 'no-circular',
      comment: 'No import cycle between files, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      comment:
        "Code imports only the third-party packages its own package.json lists (tests may also use the root's devDependencies).",
      severity: 'error',
      from: { pathNot: TEST },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The workbench's production build (`vite build`): generated, not source.
    exclude: { path: '^packages/web/dist/' },
    // Type-only imports count: a cycle through types is still a cycle.
    tsPreCompilationDeps: true,
    // `@parley/<pkg>/x.ts` resolves through the node_modules/@parley symlink and the package's
    // exports map to packages/<pkg>/src/x.ts, so the rules above see where the code really lives.
    preserveSymlinks: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'node', 'default'],
    },
  },
};
