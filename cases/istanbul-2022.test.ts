import { describe, expect, it } from 'vitest';
import { loadCase } from '@parley/case-files/load.ts';
import { formatDiagnostic } from '@parley/model/diagnostic.ts';
import { runCli } from '@parley/cli/test-cli.ts';

// The embedded default case: it must validate, and its key facts must come out of the views.
const dir = 'cases/istanbul-2022';

describe('the embedded case cases/istanbul-2022', () => {
  it('validates with no problems', async () => {
    const { diagnostics, caseData } = await loadCase(dir);
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(caseData?.meta.id).toBe('istanbul-2022');
  });

  it("reports both sides' troop ceilings on 15 April 2022, with the 245,000 variant contested", async () => {
    const r = await runCli(['show', dir, 'positions', '--at', '2022-04-15', '--json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out);
    const troops = data.issues.find((i: any) => i.issue === 'troop-ceiling');
    const byParty = Object.fromEntries(troops.positions.map((p: any) => [p.party, p]));
    expect(byParty.ru.value).toBe(85000);
    expect(byParty.ua.value).toBe(250000);
    expect(byParty.ua.contested).toHaveLength(1);
    expect(byParty.ua.contested[0].values).toEqual(expect.arrayContaining([250000, 245000]));
    expect(troops.gap).toEqual({
      value: 165000,
      unit: 'troops',
      low: { party: 'ru', value: 85000 },
      high: { party: 'ua', value: 250000 },
    });
  });

  it("reports both sides' positions on the guarantee decision rule on 15 April 2022", async () => {
    const r = await runCli(['show', dir, 'positions', '--at', '2022-04-15', '--json']);
    const rule = JSON.parse(r.out).issues.find((i: any) => i.issue === 'guarantee-decision-rule');
    expect(Object.fromEntries(rule.positions.map((p: any) => [p.party, p.value]))).toEqual({
      ru: 'all-guarantors-agree',
      ua: 'individual',
    });
  });

  it('had both parties on the individual decision rule at the communiqué', async () => {
    const r = await runCli(['show', dir, 'positions', '--at', '2022-03-29', '--json']);
    const rule = JSON.parse(r.out).issues.find((i: any) => i.issue === 'guarantee-decision-rule');
    expect(rule.positions.map((p: any) => p.value)).toEqual(['individual', 'individual']);
  });

  it('holds the competing accounts of the breakdown and the disputed dates as contested', async () => {
    const r = await runCli(['show', dir, 'claims', '--contested', '--json']);
    const contested = JSON.parse(r.out).propositions;
    const ids = contested.map((p: any) => p.id);
    expect(contested.every((p: any) => p.contested && p.supporting.length + p.disputing.length >= 2)).toBe(
      true,
    );
    expect(ids).toEqual([
      'bennett-moscow-visit-date',
      'round-2-venue',
      'istanbul-venue',
      'ua-first-round-head',
      'crimea-consultation-period',
      'ua-troop-ceiling-figure',
      'communique-withdrawal-pre-war-lines',
      'nato-summit-decided-against-talks',
      'istanbul-draft-initialled',
      'withdrawal-was-goodwill',
      'antalya-progress',
      'talks-end-date',
      'us-uk-blocked-deal',
      'bucha-drove-breakdown',
      'kyiv-confidence-after-retreat',
      'ukraine-distrusted-guarantees',
      'russia-would-not-give-up-territory',
      'talks-stopped-after-johnson-visit',
      'talks-were-a-sham',
    ]);
    // The competing accounts of the breakdown: Snider's sources blame Washington and London,
    // Charap and Radchenko find no single cause.
    const blocked = contested.find((p: any) => p.id === 'us-uk-blocked-deal');
    expect(blocked.supporting.map((c: any) => c.claimant)).toEqual(
      expect.arrayContaining(['snider', 'bennett', 'schroeder']),
    );
    expect(blocked.disputing.map((c: any) => c.claimant)).toEqual(['charap']);
    const bennett = await runCli(['show', dir, 'timeline', '--json']);
    const visit = JSON.parse(bennett.out).entries.find((e: any) => e.id === 'bennett-moscow-visit');
    expect(visit.contested[0].values).toEqual(expect.arrayContaining(['2022-03-05', '2022-03-06']));
  });

  it('shows who says what about why the talks failed', async () => {
    const r = await runCli(['show', dir, 'claims', '--topic', 'why-the-talks-failed', '--json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out);
    expect(data.topic).toBe('why-the-talks-failed');
    expect(data.propositions.every((p: any) => p.topic === 'why-the-talks-failed')).toBe(true);
    expect(data.matrix.snider).toEqual({ 'us-uk-blocked-deal': 'supports' });
    expect(data.matrix.charap['us-uk-blocked-deal']).toBe('disputes');
    expect(data.matrix.schroeder['bucha-drove-breakdown']).toBe('disputes');
    const text = await runCli(['show', dir, 'claims', '--topic', 'why-the-talks-failed']);
    expect(text.out.split('\n')[0]).toBe(
      'Who says what on "why-the-talks-failed" (+ supports, − disputes, ± both)',
    );
    expect(text.out).toContain('  P2 us-uk-blocked-deal');
  });

  it('shows the decision rule moving from individual to all-guarantors-agree on 15 April', async () => {
    const r = await runCli(['show', dir, 'history', '--issue', 'guarantee-decision-rule', '--json']);
    const steps = JSON.parse(r.out).steps;
    expect(
      steps.map((s: any) => [s.date, Object.fromEntries(s.positions.map((p: any) => [p.party, p.value]))]),
    ).toEqual([
      ['2022-03-29', { ru: 'individual', ua: 'individual' }],
      ['2022-04-12', { ru: 'individual', ua: 'individual' }],
      ['2022-04-15', { ru: 'all-guarantors-agree', ua: 'individual' }],
    ]);
  });
});
