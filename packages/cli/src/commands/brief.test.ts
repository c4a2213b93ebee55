import { describe, expect, it } from 'vitest';
import { briefOf } from '@parley/app/brief.ts';
import { loadCase } from '@parley/case-files/load.ts';
import { runCli } from '../test-cli.ts';

// The minimal fixture with the River Accord model: drafts and deals, no guarantees.
const dir = 'packages/case-files/fixtures/river-deals';

describe('parley brief', () => {
  it('runs on the embedded case, as npm start does', async () => {
    const r = await runCli(['brief', 'cases/istanbul-2022']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out.split('\n')[0]).toMatch(/ {2}\[istanbul-2022\]$/);
  });

  it("starts with the overview and gives each engine's answer", async () => {
    const r = await runCli(['brief', dir]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('River Accord talks (test fixture)  [river-accord]');
    expect(lines).toContain('Drafts — accord: open brackets per version 2 → 0 (converging).');
    expect(lines).toContain('  v1 → v2: +1 / −2 words, 0 provision status changes.');
    // The window of river-accord.test-support.ts: open from the drought to the flood, or for good.
    expect(lines).toContain(
      '    every required signatory 2030-02-05 → 2030-04-01; the parties alone 2030-02-05 → 2030-04-01',
    );
    expect(lines).toContain('    every required signatory 2030-02-05 → …; the parties alone 2030-02-05 → …');
    expect(lines.at(-1)).toBe(`Contested points: parley show ${dir} claims --contested`);
  });

  it("prints the app's brief as JSON, unchanged", async () => {
    const data = JSON.parse((await runCli(['brief', dir, '--json'])).out);
    expect(data.overview.case).toBe('river-accord');
    expect(data.drafts[0].brackets.map((b: { brackets: number }) => b.brackets)).toEqual([2, 0]);
    expect(data.guarantees).toEqual([]);
    // The JSON is the app's brief as it is (its figures are asserted in packages/app/src/brief.test.ts).
    const { caseData } = await loadCase(dir);
    expect(data).toEqual(JSON.parse(JSON.stringify(briefOf(caseData!))));
  });

  it('works on a case without guarantees or a model, saying only what it can', async () => {
    const r = await runCli(['brief', 'packages/case-files/fixtures/minimal']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Drafts — accord: open brackets per version 2 → 0 (converging).');
    expect(r.out).not.toContain('Guarantees —');
    expect(r.out).not.toContain('Deals —');
  });
});
