import type { Case } from '@parley/model/case.ts';
import { formatDiagnostics, formatPath, type Diagnostic } from '@parley/model/diagnostic.ts';
import { ParleyError } from '@parley/model/errors.ts';
import type { LibraryFile } from '@parley/model/schema/guarantee.ts';
import {
  buildContext,
  type GuaranteeContext,
  type GuaranteeSource,
} from '@parley/core/guarantees/context.ts';

/** One checked file of the reference-instrument library, as a shell read it. */
export interface LibraryEntry {
  /** The file as messages show it, e.g. library/instruments/budapest-memorandum-1994.yaml. */
  display: string;
  file: LibraryFile;
}

/** A library file as a source of guarantee records: self-contained, with its own actor names. */
export function librarySource({ display, file }: LibraryEntry): GuaranteeSource {
  return {
    origin: display,
    file: { ...file, instruments: file.instruments ?? [] },
    actorNames: new Map((file.actors ?? []).map((a) => [a.id, a.name])),
  };
}

/**
 * The case's instruments whose id a library instrument also has, each located at the case's
 * record path (`guarantees.instruments[0].id`): the case is what the analyst can rename, and
 * `validate` cannot see the clash, as it does not read the library.
 */
export function instrumentIdClashes(caseData: Case, library: readonly LibraryEntry[]): Diagnostic[] {
  const inLibrary = new Map<string, string>();
  for (const { display, file } of library)
    for (const instrument of file.instruments ?? [])
      if (!inLibrary.has(instrument.id)) inLibrary.set(instrument.id, display);
  return (caseData.guarantees?.instruments ?? []).flatMap((instrument, i) => {
    const display = inLibrary.get(instrument.id);
    if (display === undefined) return [];
    return [
      {
        code: 'instrument-id-clash',
        severity: 'error' as const,
        path: formatPath(['guarantees', 'instruments', i, 'id']),
        message:
          `instrument "${instrument.id}" has the id of a reference instrument of the library ` +
          `(${display}); give the case's instrument another id, or leave the library out`,
      },
    ];
  });
}

/**
 * The guarantee context of a case: its own instruments, places and assumptions, then those of
 * the reference library (pass none to leave it out). Ids defined twice across them are an error:
 * a case instrument with a library instrument's id is an invalid case (`instrumentIdClashes`,
 * located at the case's record), other clashes invalid input.
 */
export function guaranteeContextFor(caseData: Case, library: readonly LibraryEntry[]): GuaranteeContext {
  const clashes = instrumentIdClashes(caseData, library);
  if (clashes.length > 0) {
    const count = clashes.length;
    throw new ParleyError(
      'invalid-case',
      `${formatDiagnostics(clashes).join('\n')}\n${count} problem${count === 1 ? '' : 's'} in case ${caseData.meta.id}`,
      clashes,
    );
  }
  const sources: GuaranteeSource[] = [];
  if (caseData.guarantees) {
    sources.push({
      origin: 'case',
      file: caseData.guarantees,
      actorNames: new Map(caseData.actors.map((a) => [a.id, a.name])),
    });
  }
  sources.push(...library.map(librarySource));
  const { context, problems } = buildContext(sources);
  if (problems.length > 0) throw new ParleyError('invalid-input', problems.join('\n'));
  return context;
}
