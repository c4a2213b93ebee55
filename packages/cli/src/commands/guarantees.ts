import { ParleyError } from '@parley/model/errors.ts';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option } from 'commander';
import { formatDiagnostic, type Diagnostic } from '@parley/model/diagnostic.ts';
import { triggerKind, type TriggerKind } from '@parley/model/schema/guarantee.ts';
import type { Scenario } from '@parley/core/guarantees/analyse.ts';
import type { ScenarioReport } from '@parley/core/guarantees/assess.ts';
import {
  cellLines,
  checkComparison,
  compareInstruments,
  standardAttackers,
  standardPlaces,
} from '@parley/core/guarantees/compare.ts';
import {
  buildContext,
  thirdState,
  type GuaranteeContext,
  type GuaranteeSource,
} from '@parley/core/guarantees/context.ts';
import { checkLibrary } from '@parley/case-files/instrument-library.ts';
import { loadCaseForCli } from '../load-case.ts';
import type { CommandRegistrar } from '../main.ts';
import { printJson } from '../output.ts';
import type { Case } from '@parley/model/case.ts';
import { displayPath } from '@parley/case-files/display-path.ts';
import { columnTitle, footnote, renderDetail, renderMarkdown, renderText } from '../guarantees/render.ts';

// TEMPORARY (restructuring in progress): the library sits at the repo root, above both the
// sources and the bundle in dist/; the next step passes its folder in from bin/parley.mjs.
function findLibraryDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'library', 'instruments')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return path.join(dir, 'library', 'instruments');
}
export const libraryDir = findLibraryDir();

/** `--place core`: the guaranteed state's territory outside any named area. */
const corePlace = 'core';

interface GuaranteesOptions {
  instrument?: string;
  attacker?: string;
  place?: string;
  trigger: string;
  runs: string;
  seed: string;
  library: boolean;
  json: boolean;
  markdown: boolean;
}

export const registerGuarantees: CommandRegistrar = (program, output) => {
  program
    .command('guarantees')
    .description(
      'what each security guarantee really promises: who is obliged, who can block, and the chance of each level of help',
    )
    .argument('<case-dir>', 'the case folder, e.g. cases/istanbul-2022')
    .option('--instrument <id>', 'only this instrument (default: all, case and library)')
    .option(
      '--attacker <id>',
      `only this attacker: an actor id or "${thirdState}" (default: ru, by, ${thirdState})`,
    )
    .option(
      '--place <id>',
      `only this place, or "${corePlace}" for core territory (default: ${corePlace} and an excluded area)`,
    )
    .addOption(
      new Option('--trigger <kind>', 'what happens').choices(triggerKind.options).default('armed-attack'),
    )
    .option('--runs <n>', 'Monte Carlo runs per instrument and scenario', '10000')
    .option('--seed <s>', 'seed of the random generator (a 32-bit unsigned integer)', '1')
    .option(
      '--no-library',
      'leave out the reference instruments (Budapest, NATO Art. 5, London 1839, Cyprus 1960)',
    )
    .option('--json', 'print JSON (shape in the README, section JSON)', false)
    .option('--markdown', 'print the comparison table as Markdown', false)
    .action(async (dir: string, opts: GuaranteesOptions) => {
      const runs = parseCount(opts.runs);
      const seed = parseSeed(opts.seed);
      if (opts.json && opts.markdown) throw new ParleyError('usage', 'choose one of --json and --markdown');
      const context = await loadGuaranteeContext(dir, opts.library);
      const entries = pickInstruments(context, opts.instrument);
      const trigger = opts.trigger as TriggerKind;
      const attackers =
        opts.attacker === undefined
          ? standardAttackers.filter((a) => context.actorNames.has(a))
          : [checkAttacker(context, opts.attacker)];
      const places = opts.place === undefined ? standardPlaces(context) : [checkPlace(context, opts.place)];
      const columns: Scenario[] = attackers.flatMap((attacker) =>
        places.map((place) => (place === undefined ? { attacker, trigger } : { attacker, place, trigger })),
      );
      const problems = checkComparison(context, entries, columns);
      if (
        entries.every(({ instrument }) => columns.every((c) => c.attacker === instrument.guaranteedState))
      ) {
        problems.push(`attacker "${opts.attacker}" is the guaranteed state of every selected instrument`);
      }
      if (problems.length > 0) throw new ParleyError('invalid-input', problems.join('\n'));

      const rows = compareInstruments(context, entries, columns, { runs, seed });
      const reports = rows.flatMap((r) => r.cells.filter((c): c is ScenarioReport => c !== undefined));
      if (opts.json) {
        printJson(output, {
          case: dir,
          runs,
          seed,
          confidence: 0.95,
          columns: columns.map((c) => ({ attacker: c.attacker, place: c.place ?? null, trigger })),
          instruments: entries.map(({ instrument: i, origin }) => ({
            id: i.id,
            title: i.title,
            origin,
            guaranteedState: i.guaranteedState,
            guarantors: i.guarantors,
            decisionRule: i.decisionRule,
            obligation: i.obligation,
            assistance: i.assistance,
            excludes: i.excludes ?? [],
          })),
          results: reports,
        });
      } else if (reports.length === 1 && !opts.markdown) {
        output.out(renderDetail(context, reports[0]!));
      } else {
        const head = columns.map((c) => columnTitle(context, c));
        const body = rows.map((r) => [
          r.entry.instrument.id,
          ...r.cells.map((cell) => cellLines(context, cell)),
        ]);
        // A blank line ends a Markdown table, so the note below is not read as a row.
        output.out(opts.markdown ? renderMarkdown(head, body) : renderText(head, body));
        if (opts.markdown) output.out('');
        output.out(footnote(runs, seed, trigger, opts.markdown));
      }
    });
};

function parseCount(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 10_000_000)
    throw new ParleyError('usage', `--runs "${text}" must be a whole number from 1 to 10000000`);
  return n;
}

function parseSeed(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 0xffffffff)
    throw new ParleyError('usage', `--seed "${text}" must be a whole number from 0 to 4294967295`);
  return n;
}

/** Loads the case's guarantees and, unless left out, the library; every problem becomes one InputError. */
export async function loadGuaranteeContext(dir: string, withLibrary: boolean): Promise<GuaranteeContext> {
  return guaranteeContextFor(await loadCaseForCli(dir), withLibrary);
}

/** The guarantee context of a loaded case: its instruments, with the reference library if asked. */
export async function guaranteeContextFor(caseData: Case, withLibrary: boolean): Promise<GuaranteeContext> {
  const dir = caseData.dir;
  const sources: GuaranteeSource[] = [];
  if (caseData.guarantees) {
    sources.push({
      origin: 'case',
      file: caseData.guarantees,
      actorNames: new Map(caseData.actors.map((a) => [a.id, a.name])),
    });
  }
  if (withLibrary) {
    const names = existsSync(libraryDir)
      ? (await readdir(libraryDir)).filter((f) => f.endsWith('.yaml')).sort()
      : [];
    const texts = await Promise.all(
      names.map(async (name) => ({
        display: displayPath(path.join(libraryDir, name)),
        text: await readFile(path.join(libraryDir, name), 'utf8'),
      })),
    );
    const library = checkLibrary(texts);
    if (library.diagnostics.length > 0) {
      throw new ParleyError('invalid-input', problemList(library.diagnostics, 'the instrument library'));
    }
    for (const { display, file } of library.entries) {
      sources.push({
        origin: display,
        file: { ...file, instruments: file.instruments ?? [] },
        actorNames: new Map((file.actors ?? []).map((a) => [a.id, a.name])),
      });
    }
  }
  const { context, problems } = buildContext(sources);
  if (problems.length > 0) throw new ParleyError('invalid-input', problems.join('\n'));
  if (context.instruments.length === 0) {
    throw new ParleyError(
      'invalid-input',
      `${dir}: no guarantee instruments (add guarantees.yaml or drop --no-library)`,
    );
  }
  return context;
}

function problemList(diagnostics: readonly Diagnostic[], what: string): string {
  const n = diagnostics.length;
  return `${diagnostics.map(formatDiagnostic).join('\n')}\n${n} problem${n === 1 ? '' : 's'} in ${what}`;
}

function pickInstruments(context: GuaranteeContext, id: string | undefined) {
  if (id === undefined) return context.instruments;
  const entry = context.instruments.find((e) => e.instrument.id === id);
  if (!entry) {
    throw new ParleyError(
      'invalid-input',
      `unknown instrument "${id}"; known: ${context.instruments.map((e) => e.instrument.id).join(', ')}`,
    );
  }
  return [entry];
}

function checkAttacker(context: GuaranteeContext, id: string): string {
  if (!context.actorNames.has(id)) {
    throw new ParleyError(
      'invalid-input',
      `unknown attacker "${id}": not an actor of the case or the library (use an actor id or "${thirdState}")`,
    );
  }
  return id;
}

function checkPlace(context: GuaranteeContext, id: string): string | undefined {
  if (id === corePlace) return undefined;
  if (!context.places.has(id)) {
    throw new ParleyError(
      'invalid-input',
      `unknown place "${id}"; known: ${corePlace}, ${[...context.places.keys()].join(', ')}`,
    );
  }
  return id;
}
