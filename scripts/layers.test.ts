import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

// The dependency-cruiser configs of `npm run lint`, run through the same API the depcruise command
// uses: over a small workspace with one breach of each rule, then over the real tree.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filesConfig = path.join(repoRoot, '.dependency-cruiser.js');
const foldersConfig = path.join(repoRoot, '.dependency-cruiser-folders.js');

interface Breach {
  rule: string;
  from: string;
  to: string;
}

async function cruiseWith(config: string, baseDir: string, dirs: string[]): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(config);
  return (await cruise(dirs, { ...options, baseDir })).output as ICruiseResult;
}

const breachesOf = (result: ICruiseResult): Breach[] =>
  result.summary.violations
    .map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }))
    .sort((a, b) => `${a.rule} ${a.from} ${a.to}`.localeCompare(`${b.rule} ${b.from} ${b.to}`));

const breaches = async (config: string, baseDir: string, dirs: string[]) =>
  breachesOf(await cruiseWith(config, baseDir, dirs));

const manifest = (name: string, dependencies: string[]) =>
  JSON.stringify({
    name,
    type: 'module',
    exports: { './*': './src/*' },
    dependencies: Object.fromEntries(dependencies.map((d) => [d, '0.1.0'])),
  });

/** A workspace laid out like this repository: packages/<pkg>/src, reached as @parley/<pkg>/<path>. */
const workspace: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'fixture', private: true, workspaces: ['packages/*'] }),
  'node_modules/mediator/package.json': JSON.stringify({ name: 'mediator', main: 'index.js' }),
  'node_modules/mediator/index.js': 'export const mediate = 1;\n',

  'packages/model/package.json': manifest('@parley/model', ['mediator']),
  'packages/model/src/party.ts': "import { mediate } from 'mediator';\nexport const party = mediate;\n",
  // A lower layer reaching up.
  'packages/model/src/stance.ts':
    "import { offer } from '@parley/core/offer.ts';\nexport const stance = offer;\n",

  'packages/core/package.json': manifest('@parley/core', ['@parley/model']),
  'packages/core/src/offer.ts':
    "import { party } from '@parley/model/party.ts';\nexport const offer = party;\n",
  'packages/core/src/verdict.ts':
    "import { report } from '@parley/app/report.ts';\nexport const verdict = report;\n",
  // Node modules, by either name, in a package that must run in a browser.
  'packages/core/src/clock.ts':
    "import { readFileSync } from 'node:fs';\nimport path from 'path';\nexport const clock = [readFileSync, path];\n",
  // A cycle made of a type-only import and a value import.
  'packages/core/src/round.ts':
    "import type { Table } from './table.ts';\nexport const round = (t: Table) => t;\n",
  'packages/core/src/table.ts':
    "import { round } from './round.ts';\nexport type Table = { round: typeof round };\n",
  'packages/core/src/seat.ts':
    "import { seats } from './seats.test-support.ts';\nexport const seat = seats;\n",
  'packages/core/src/missing.ts':
    "import { nothing } from './nowhere.ts';\nexport const missing = nothing;\n",
  // Installed, but not in packages/core/package.json.
  'packages/core/src/lib.ts': "import { mediate } from 'mediator';\nexport const lib = mediate;\n",
  // Acyclic files, cyclic folders: drafts → evidence → drafts.
  'packages/core/src/drafts/text.ts':
    "import { claim } from '../evidence/claim.ts';\nexport const text = claim;\n",
  'packages/core/src/drafts/clause.ts': 'export const clause = 1;\n',
  'packages/core/src/evidence/claim.ts': 'export const claim = 1;\n',
  'packages/core/src/evidence/quote.ts':
    "import { clause } from '../drafts/clause.ts';\nexport const quote = clause;\n",
  // Test code may reach any package and any Node module.
  'packages/core/src/seats.test-support.ts':
    "import { tmpdir } from 'node:os';\nexport const seats = tmpdir;\n",
  'packages/core/src/offer.test.ts':
    "import { readFileSync } from 'node:fs';\nimport { main } from '@parley/cli/main.ts';\nimport { offer } from './offer.ts';\nexport const all = [readFileSync, main, offer];\n",

  'packages/app/package.json': manifest('@parley/app', ['@parley/model', '@parley/core']),
  'packages/app/src/report.ts':
    "import { offer } from '@parley/core/offer.ts';\nexport const report = offer;\n",
  // Nothing imports the cli.
  'packages/app/src/shell.ts': "import { main } from '@parley/cli/main.ts';\nexport const shell = main;\n",

  'packages/cli/package.json': manifest('@parley/cli', ['@parley/model', '@parley/core', '@parley/app']),
  'packages/cli/src/main.ts':
    "import { readFileSync } from 'node:fs';\nimport { report } from '@parley/app/report.ts';\nexport const main = [readFileSync, report];\n",
};

describe('the layer rules', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'parley-layers-'));
    for (const [file, text] of Object.entries(workspace)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    mkdirSync(path.join(root, 'node_modules/@parley'));
    for (const pkg of ['model', 'core', 'app', 'cli']) {
      symlinkSync(`../../packages/${pkg}`, path.join(root, 'node_modules/@parley', pkg));
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('name each breach in a small workspace, and nothing else', async () => {
    expect(await breaches(filesConfig, root, ['packages'])).toEqual([
      { rule: 'layer-app', from: 'packages/app/src/shell.ts', to: 'packages/cli/src/main.ts' },
      { rule: 'layer-core', from: 'packages/core/src/verdict.ts', to: 'packages/app/src/report.ts' },
      { rule: 'layer-model', from: 'packages/model/src/stance.ts', to: 'packages/core/src/offer.ts' },
      { rule: 'no-circular', from: 'packages/core/src/round.ts', to: 'packages/core/src/table.ts' },
      { rule: 'no-node-in-pure-layers', from: 'packages/core/src/clock.ts', to: 'fs' },
      { rule: 'no-node-in-pure-layers', from: 'packages/core/src/clock.ts', to: 'path' },
      { rule: 'no-non-package-json', from: 'packages/core/src/lib.ts', to: 'node_modules/mediator/index.js' },
      {
        rule: 'no-test-code-in-product',
        from: 'packages/core/src/seat.ts',
        to: 'packages/core/src/seats.test-support.ts',
      },
      { rule: 'not-to-unresolvable', from: 'packages/core/src/missing.ts', to: './nowhere.ts' },
    ]);
  });

  it('find a cycle between folders whose files have none', async () => {
    const folders = ['packages/core/src/drafts', 'packages/core/src/evidence'];
    expect(await breaches(filesConfig, root, folders)).toEqual([]);
    expect(await breaches(foldersConfig, root, folders)).toEqual([
      { rule: 'no-circular-folders', from: 'packages/core/src/drafts', to: 'packages/core/src/evidence' },
      { rule: 'no-circular-folders', from: 'packages/core/src/evidence', to: 'packages/core/src/drafts' },
    ]);
  });

  it('hold on the real tree, where @parley imports resolve to packages/<pkg>/src', async () => {
    // The same folders as `npm run lint`.
    const result = await cruiseWith(filesConfig, repoRoot, ['packages', 'cases', 'bench', 'scripts', 'bin']);
    expect(breachesOf(result)).toEqual([]);
    expect(await breaches(foldersConfig, repoRoot, ['packages'])).toEqual([]);
    // Else the layer rules, which match on paths, would see node_modules/@parley and never fire.
    const imports = result.modules.flatMap((m) =>
      m.dependencies.filter((d) => d.module.startsWith('@parley/')),
    );
    expect(imports.length).toBeGreaterThan(100);
    for (const d of imports) {
      expect(d.resolved).toBe(d.module.replace(/^@parley\/([^/]+)\//, 'packages/$1/src/'));
    }
  });
});
