import type { Case } from '@parley/model/case.ts';
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
 * The guarantee context of a case: its own instruments, places and assumptions, then those of
 * the reference library (pass none to leave it out). Ids defined twice across them are an error.
 */
export function guaranteeContextFor(caseData: Case, library: readonly LibraryEntry[]): GuaranteeContext {
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
