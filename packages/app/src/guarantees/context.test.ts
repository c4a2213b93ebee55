import { describe, expect, it } from 'vitest';
import { isParleyError, type ParleyError } from '@parley/model/errors.ts';
import { loadTestCase, testLibrary } from '@parley/case-files/cases.test-support.ts';
import { guaranteeContextFor, instrumentIdClashes, type LibraryEntry } from './context.ts';

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

  it('refuses an instrument id that two library files both define', () => {
    const clash: LibraryEntry = {
      display: 'extra.yaml',
      file: { ...library[0]!.file, instruments: [library[1]!.file.instruments![0]!] },
    };
    let error: unknown;
    try {
      guaranteeContextFor(lakePact, [...library, clash]);
    } catch (e) {
      error = e;
    }
    expect(isParleyError(error, 'invalid-input')).toBe(true);
    expect((error as Error).message).toBe(
      'extra.yaml: instrument "cyprus-guarantee-1960" is already defined in library/instruments/cyprus-guarantee-1960.yaml',
    );
  });

  it("refuses a case instrument with a library instrument's id as an invalid case, at the case's record", () => {
    const [first, second] = lakePact.guarantees!.instruments;
    const clashing = {
      ...lakePact,
      guarantees: {
        ...lakePact.guarantees!,
        instruments: [first!, { ...second!, id: 'budapest-memorandum-1994' }],
      },
    };
    expect(instrumentIdClashes(clashing, library)).toEqual([
      {
        code: 'instrument-id-clash',
        severity: 'error',
        path: 'guarantees.instruments[1].id',
        message:
          'instrument "budapest-memorandum-1994" has the id of a reference instrument of the library ' +
          "(library/instruments/budapest-memorandum-1994.yaml); give the case's instrument another id, " +
          'or leave the library out',
      },
    ]);
    let error: unknown;
    try {
      guaranteeContextFor(clashing, library);
    } catch (e) {
      error = e;
    }
    expect(isParleyError(error, 'invalid-case')).toBe(true);
    expect((error as ParleyError).diagnostics).toEqual(instrumentIdClashes(clashing, library));
    expect((error as Error).message).toBe(
      `guarantees.instruments[1].id: ${instrumentIdClashes(clashing, library)[0]!.message}\n` +
        '1 problem in case lake-pact',
    );
    expect(instrumentIdClashes(clashing, [])).toEqual([]);
    expect(ids(guaranteeContextFor(clashing, []).instruments)).toEqual([
      'pact-each (case)',
      'budapest-memorandum-1994 (case)',
    ]);
  });
});
