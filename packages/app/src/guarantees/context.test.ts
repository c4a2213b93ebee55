import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { loadTestCase, testLibrary } from '@parley/case-files/cases.test-support.ts';
import { guaranteeContextFor, type LibraryEntry } from './context.ts';

const lakePact = await loadTestCase('lakePact');
const library = await testLibrary();
const ids = (entries: { instrument: { id: string }; origin: string }[]) =>
  entries.map((e) => `${e.instrument.id} (${e.origin})`);

describe('guaranteeContextFor', () => {
  it("holds the case's instruments, places, assumptions and actor names", () => {
    const context = guaranteeContextFor(lakePact, []);
    expect(ids(context.instruments)).toEqual(['pact-each (case)', 'pact-all (case)']);
    expect([...context.places.keys()]).toEqual(['isles']);
    expect(context.willingness.map((w) => [w.entry.id, w.origin, w.fromCase])).toEqual([
      ['neighbours', 'case', true],
    ]);
    expect(context.actorNames.get('lakeland')).toBe('Lakeland');
    expect(context.actorNames.get('third-state')).toBe('a third state');
  });

  it('adds the library after the case, each instrument with the file it comes from', () => {
    const context = guaranteeContextFor(lakePact, library);
    expect(ids(context.instruments)).toEqual([
      'pact-each (case)',
      'pact-all (case)',
      'budapest-memorandum-1994 (library/instruments/budapest-memorandum-1994.yaml)',
      'cyprus-guarantee-1960 (library/instruments/cyprus-guarantee-1960.yaml)',
      'nato-article-5 (library/instruments/nato-article-5.yaml)',
      'treaty-of-london-1839 (library/instruments/treaty-of-london-1839.yaml)',
    ]);
    expect(context.councils.has('un-security-council')).toBe(true);
    expect(context.actorNames.get('ua')).toBe('Ukraine');
  });

  it('works on a case without guarantees.yaml: the library alone, or nothing', async () => {
    const minimal = await loadTestCase('minimal');
    expect(guaranteeContextFor(minimal, []).instruments).toEqual([]);
    expect(guaranteeContextFor(minimal, library).instruments).toHaveLength(4);
  });

  it('refuses an instrument id that the case and the library both define', () => {
    const clash: LibraryEntry = {
      display: 'extra.yaml',
      file: { ...library[0]!.file, instruments: [lakePact.guarantees!.instruments[0]!] },
    };
    let error: unknown;
    try {
      guaranteeContextFor(lakePact, [clash]);
    } catch (e) {
      error = e;
    }
    expect(isParleyError(error, 'invalid-input')).toBe(true);
    expect((error as Error).message).toBe('extra.yaml: instrument "pact-each" is already defined in case');
  });
});
