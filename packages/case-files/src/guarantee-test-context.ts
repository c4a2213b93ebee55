// Test support: the embedded case's guarantee records and the library, read straight from disk so
// the engine's tests do not depend on the rest of the case being complete.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { guaranteesFileSchema, type GuaranteesFile } from '@parley/model/schema/guarantee.ts';
import {
  buildContext,
  type GuaranteeContext,
  type GuaranteeSource,
} from '@parley/core/guarantees/context.ts';
import { parseYamlFile } from './yaml-file.ts';
import { checkLibrary } from './instrument-library.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const caseDir = path.join(repoRoot, 'cases', 'istanbul-2022');
const libraryDir = path.join(repoRoot, 'library', 'instruments');

export function embeddedGuarantees(): GuaranteesFile {
  const parsed = parseYamlFile(
    readFileSync(path.join(caseDir, 'guarantees.yaml'), 'utf8'),
    'guarantees.yaml',
    guaranteesFileSchema,
  );
  if (!parsed.value)
    throw new Error(parsed.diagnostics.map((d) => `${d.line}:${d.column} ${d.path} ${d.message}`).join('\n'));
  return parsed.value;
}

export function librarySources(): GuaranteeSource[] {
  const texts = readdirSync(libraryDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({
      display: `library/instruments/${f}`,
      text: readFileSync(path.join(libraryDir, f), 'utf8'),
    }));
  const { entries, diagnostics } = checkLibrary(texts);
  if (diagnostics.length > 0)
    throw new Error(diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n'));
  return entries.map(({ display, file }) => ({
    origin: display,
    file: { ...file, instruments: file.instruments ?? [] },
    actorNames: new Map((file.actors ?? []).map((a) => [a.id, a.name])),
  }));
}

/** The context `parley guarantees cases/istanbul-2022` works on. */
export function embeddedContext(): GuaranteeContext {
  const actors = (
    parse(readFileSync(path.join(caseDir, 'actors.yaml'), 'utf8')) as {
      actors: { id: string; name: string }[];
    }
  ).actors;
  const { context, problems } = buildContext([
    { origin: 'case', file: embeddedGuarantees(), actorNames: new Map(actors.map((a) => [a.id, a.name])) },
    ...librarySources(),
  ]);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return context;
}
