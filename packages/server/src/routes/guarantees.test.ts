import { describe, expect, it } from 'vitest';
import { testLibrary } from '@parley/case-files/cases.test-support.ts';
import { compareGuarantees } from '@parley/app/guarantees/comparison.ts';
import { guaranteeContextFor } from '@parley/app/guarantees/context.ts';
import { comparisonInput } from '@parley/app/guarantees/input.ts';
import { guaranteesReport } from '@parley/app/guarantees/report.ts';
import { CASE_ID, useAnalysisServer } from './analysis-server.test-support.ts';
import { MAX_SERVER_RUNS } from './guarantees.ts';

const library = await testLibrary();
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
const guarantees = `/api/cases/${CASE_ID}/guarantees`;

describe('guarantee comparisons over the API', () => {
  const server = useAnalysisServer({ library });
  /** What `parley guarantees <case> --json` prints with these flags, the library read or left out. */
  const expected = (flags: Record<string, unknown>, withLibrary = true) => {
    const { caseData } = server();
    const context = guaranteeContextFor(caseData, withLibrary ? library : []);
    return asJson(
      guaranteesReport(CASE_ID, compareGuarantees(caseData, context, comparisonInput.parse(flags))),
    );
  };

  it('compares the case and library instruments as parley guarantees --json does', async () => {
    const answer = await server().get(`${guarantees}?runs=2000&seed=7`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(expected({ runs: '2000', seed: '7' }));
    const origins = answer.body.instruments.map((i: { origin: string }) => i.origin);
    expect(origins.filter((o: string) => o !== 'case').length).toBe(
      library.flatMap((e) => e.file.instruments ?? []).length,
    );
  });

  it('leaves the library out with library=false, and narrows to one cell', async () => {
    const own = await server().get(`${guarantees}?library=false&runs=500`);
    expect(own.body).toEqual(expected({ runs: '500' }, false));
    expect(new Set(own.body.instruments.map((i: { origin: string }) => i.origin))).toEqual(new Set(['case']));
    const first = own.body.instruments[0].id as string;
    const column = own.body.columns[0] as { attacker: string; place: string | null };
    const place = column.place ?? 'core';
    const cell = await server().get(
      `${guarantees}?instrument=${first}&attacker=${column.attacker}&place=${place}&trigger=armed-attack&runs=500`,
    );
    expect(cell.status).toBe(200);
    expect(cell.body).toEqual(
      expected({ instrument: first, attacker: column.attacker, place, trigger: 'armed-attack', runs: '500' }),
    );
    expect(cell.body.results.length).toBe(1);
  });

  it('refuses an unknown instrument with 404 unknown-id', async () => {
    const answer = await server().get(`${guarantees}?instrument=yalta-1945`);
    expect([answer.status, answer.body.error.code]).toEqual([404, 'unknown-id']);
    expect(answer.body.error.message).toMatch(/^unknown instrument "yalta-1945"; known: /);
  });

  it('names the parameter of a malformed or too large number of runs (400 usage)', async () => {
    const words = await server().get(`${guarantees}?runs=many`);
    expect([words.status, words.body]).toEqual([
      400,
      { error: { code: 'usage', message: 'runs "many" must be a whole number from 1 to 10000000' } },
    ]);
    const many = await server().get(`${guarantees}?runs=${MAX_SERVER_RUNS + 1}`);
    expect([many.status, many.body.error.code]).toEqual([400, 'usage']);
    expect(many.body.error.message).toBe(
      `runs "${MAX_SERVER_RUNS + 1}" is above the server's limit of ${MAX_SERVER_RUNS} per cell (the CLI allows more)`,
    );
  });

  it('lists the triggers in its schema and refuses another (422 naming trigger)', async () => {
    const answer = await server().get(`${guarantees}?trigger=cyber-attack`);
    expect([answer.status, answer.body.error.code, answer.body.error.diagnostics[0].path]).toEqual([
      422,
      'invalid-input',
      'trigger',
    ]);
  });
});
