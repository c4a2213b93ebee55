import { compareDiagnostics, type Diagnostic, type Reporter } from '@parley/model/diagnostic.ts';
import { libraryFileSchema, type LibraryFile, type Place } from '@parley/model/schema/guarantee.ts';
import { parseYamlFile } from './yaml-file.ts';
import { checkGuaranteeReferences } from '@parley/core/guarantees/references.ts';
import type { LibraryEntry } from '@parley/app/guarantees/context.ts';

/**
 * Checks the reference-instrument library. Each file defines the actors and sources it cites;
 * places and councils (the UN Security Council) may be shared across files.
 */
export function checkLibrary(texts: readonly { display: string; text: string }[]): {
  entries: LibraryEntry[];
  diagnostics: Diagnostic[];
} {
  const parsed = texts.map(({ display, text }) => parseYamlFile(text, display, libraryFileSchema));
  const places = new Map<string, Place>();
  const councils = new Set<string>();
  for (const p of parsed) {
    for (const place of p.value?.places ?? []) if (!places.has(place.id)) places.set(place.id, place);
    for (const council of p.value?.councils ?? []) councils.add(council.id);
  }
  for (const p of parsed) {
    const file = p.value;
    if (!file) continue;
    const actors = new Set((file.actors ?? []).map((a) => a.id));
    const sources = new Set(file.sources.map((s) => s.id));
    checkGuaranteeReferences(
      { ...file, instruments: file.instruments ?? [] },
      { actors, sources, drafts: new Set(), issues: new Set(), places, councils },
      (path, message, code?: string) => p.report(path, message, code ?? 'guarantee-rule'),
    );
    checkCitations(file, sources, p.report);
  }
  return {
    entries: parsed.flatMap((p) =>
      p.value && p.diagnostics.length === 0 ? [{ display: p.display, file: p.value }] : [],
    ),
    diagnostics: parsed.flatMap((p) => p.diagnostics).sort(compareDiagnostics),
  };
}

/** Every `sources` list in a library file names a source defined in that file. */
function checkCitations(file: LibraryFile, defined: Set<string>, report: Reporter) {
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'sources' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
          value.forEach(
            (id: string, i) =>
              defined.has(id) || report([...path, key, i], `unknown source "${id}"`, 'unknown-reference'),
          );
        } else walk(value, [...path, key]);
      }
    }
  };
  const { sources: _definitions, ...cited } = file;
  walk(cited, []);
}
