import { describe, expect, it } from 'vitest';
import { runCli } from '@parley/cli/test-cli.ts';

// Moved from packages/cli/src/commands/brief.test.ts: what `parley brief` (npm start) says of the
// embedded case.
const dir = 'cases/istanbul-2022';

describe('parley brief on the embedded case', () => {
  it("starts with the overview and gives each engine's answer for the embedded case", async () => {
    const r = await runCli(['brief', dir]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(
      'Russia–Ukraine talks, February–May 2022 (Belarus, Antalya, Istanbul)  [istanbul-2022]',
    );
    expect(lines).toContain(
      'Drafts — security-treaty: open brackets per version 3 → 4 → 1 → 15 → 17 (diverging).',
    );
    expect(lines).toContain('  draft-2022-04-15-russia, attacker ru: no duty: ru blocks; consultation 100%');
    expect(lines).toContain('  baseline');
    expect(lines).toContain('    every required signatory never; the parties alone 2022-03-29 → 2022-04-15');
    expect(lines).toContain(
      '    every required signatory 2022-03-29 → 2022-04-02; the parties alone 2022-03-29 → 2022-04-15',
    );
    expect(lines.at(-1)).toBe(`Contested points: parley show ${dir} claims --contested`);
  });

  it('prints the same findings as JSON', async () => {
    const r = await runCli(['brief', dir, '--json']);
    const data = JSON.parse(r.out);
    expect(data.overview.case).toBe('istanbul-2022');
    expect(data.drafts[0].brackets.map((b: any) => b.brackets)).toEqual([3, 4, 1, 15, 17]);
    const russian = data.guarantees.find((g: any) => g.instrument === 'draft-2022-04-15-russia');
    expect(russian).toMatchObject({ attacker: 'ru', obligation: 'none', obligedGuarantors: 0, anyHelp: 0 });
    expect(russian.canBlock).toContain('ru');
    const communique = data.guarantees.find((g: any) => g.instrument === 'communique-2022-03-29');
    expect(communique).toMatchObject({ obligedGuarantors: 10, canBlock: [] });
    expect(data.deals).toEqual([
      {
        scenario: null,
        title: 'Baseline',
        sources: [],
        open: [],
        openForPartiesOnly: [{ from: '2022-03-29', until: '2022-04-15' }],
      },
      {
        scenario: 'four-factors',
        title: 'Several factors together closed the window (Charap and Radchenko)',
        sources: ['s2', 's3', 's4'],
        open: [],
        openForPartiesOnly: [{ from: '2022-03-29', until: '2022-04-02' }],
      },
      {
        scenario: 'western-pressure',
        title: 'Western pressure, with Johnson’s visit, was decisive (Snider)',
        sources: ['s1', 's5'],
        open: [],
        openForPartiesOnly: [{ from: '2022-03-29', until: '2022-04-09' }],
      },
      {
        scenario: 'guarantors-accept-obligations',
        title: 'Western guarantors accept binding obligations',
        sources: ['s2', 's4'],
        // Closes at Bucha, not at Johnson's visit: Ukraine's neutrality penalties (model.yaml, ua's
        // interactions) leave Russia's reservation value unmet once it rises on 2022-04-02.
        open: [{ from: '2022-03-29', until: '2022-04-02' }],
        openForPartiesOnly: [{ from: '2022-03-29', until: '2022-04-15' }],
      },
    ]);
  });
});
