import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const caseDir = path.join(repoRoot, 'packages/case-files/fixtures/river-deals');
const travel = path.resolve(repoRoot, '../shared/corpora/genius/anac/y2010/Travel');
const shared = existsSync(travel);
if (!shared) console.warn('skipping the GENIUS corpus simulate test: ../shared absent');
const files = ['travel_domain.xml', 'travel_chox.xml', 'travel_fanny.xml'].map((f) => path.join(travel, f));

describe('parley simulate', () => {
  it.skipIf(!shared)(
    'runs an ANAC domain with named tactics and writes the trace as CSV and JSON',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'parley-simulate-'));
      const csv = path.join(dir, 'trace.csv');
      const r = await runCli([
        'simulate',
        ...files,
        '--tactic',
        'profile-1=linear',
        '--tactic',
        'travel_fanny=linear',
        '--deadline',
        '50',
        '--trace',
        csv,
        '--json',
      ]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const report = JSON.parse(r.out);
      expect(report.parties.map((p: { id: string; tactic: string }) => [p.id, p.tactic])).toEqual([
        ['1:travel_chox', 'linear'],
        ['2:travel_fanny', 'linear'],
      ]);
      expect(report.result.ending).toBe('agreement');
      const rows = readFileSync(csv, 'utf8').trim().split('\n');
      expect(rows).toHaveLength(1 + report.result.steps);
      expect(rows[0]!.startsWith('run,step,round,time,day,party,action,Atmosphere,')).toBe(true);
      const json = path.join(dir, 'trace.json');
      await runCli(['simulate', ...files, '--trace', json, '--runs', '2']);
      expect(JSON.parse(readFileSync(json, 'utf8')).map((t: { seed: number }) => t.seed)).toEqual([1, 2]);
    },
  );

  it('simulates a case on its calendar, one round a day from its asOf, and summarises several runs', async () => {
    const r = await run(
      'simulate',
      caseDir,
      '--tactic',
      'north=linear',
      '--tactic',
      'south=conceder:3',
      '--deadline',
      '20',
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'river-accord from 2030-03-01 to 2030-03-20: saop, deadline 20, 1 run from seed 1',
    );
    expect(r.out).toContain('Agreement at round 18, 2030-03-18 (step 34, t = 0.850):');
    // Starting a fortnight later, the same agreement falls on 2030-04-01, the day of the flood,
    // when Southland's no-deal option rises to 0.8 above the package's 0.75: it vetoes it.
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-simulate-'));
    const later = await run(
      'simulate',
      caseDir,
      '--tactic',
      'north=linear',
      '--tactic',
      'south=conceder:3',
      '--deadline',
      '20',
      '--from',
      '2030-03-15',
      '--trace',
      path.join(dir, 'flood.csv'),
    );
    expect(later.out).toContain('No agreement (deadline reached) after 40 steps.');
    const vetoes = readFileSync(path.join(dir, 'flood.csv'), 'utf8')
      .split('\n')
      .filter((row) => row.includes(',veto,'));
    expect(vetoes).toEqual(['1,34,18,0.85,2030-04-01,south,veto,joint,yes,,0.5,0.75']);
    const many = await run('simulate', caseDir, '--tactic', 'north=random', '--runs', '20', '--json');
    const summary = JSON.parse(many.out).summary;
    expect(summary.runs).toBe(20);
    expect(summary.agreementRate.n).toBe(20);
    expect(summary.agreementRate.low).toBeLessThanOrEqual(summary.agreementRate.mean);
  });

  it('runs the single negotiating text on the case calendar: no text is signed once the flood has closed the deal', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parley-simulate-'));
    const mediated = (from: string, ...more: string[]) =>
      run(
        'simulate',
        caseDir,
        ...['--protocol', 'single-text', '--tactic', 'north=conceder', '--tactic', 'south=conceder'],
        ...['--deadline', '40', '--from', from, '--workers', '1', ...more],
      );
    const early = JSON.parse((await mediated('2030-03-01', '--runs', '200', '--json')).out);
    expect(early.endings).toEqual({ agreement: 91, deadline: 109, walkedAway: {} });
    expect(early.agreementDay).toEqual({ mean: '2030-03-30', low: '2030-03-29', high: '2030-03-30' });
    // From 2030-03-20 the mediator would reach the same texts after 2030-04-01, when Southland's
    // limit (0.8) rises above every package: no run agrees.
    const late = JSON.parse((await mediated('2030-03-20', '--runs', '200', '--json')).out);
    expect(late.endings).toEqual({ agreement: 0, deadline: 200, walkedAway: {} });
    // Each proposal carries its day.
    const csv = path.join(dir, 'mediated.csv');
    expect((await mediated('2030-03-20', '--trace', csv)).code).toBe(0);
    const days = readFileSync(csv, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split(',')[4]);
    expect([days.length, days[0], days[12], days.at(-1)]).toEqual([
      40,
      '2030-03-20',
      '2030-04-01',
      '2030-04-28',
    ]);
  });

  it('applies a scenario of the model to a case run, and names it', async () => {
    const plays = ['--tactic', 'north=conceder', '--tactic', 'south=linear', '--seed', '3'];
    const patient = await run('simulate', caseDir, '--scenario', 'patient-south', ...plays);
    expect(patient.code).toBe(0);
    expect(patient.out.split('\n').slice(0, 4)).toEqual([
      'river-accord (scenario patient-south) from 2030-03-01 to 2030-06-08: saop, deadline 100, 1 run from seed 3',
      '  north: conceder:2, accept next, reservation value 0.400',
      '  south: linear, accept next, reservation value 0.500',
      'Agreement at round 71, 2030-05-10 (step 140, t = 0.700):',
    ]);
    // Without it, the flood lifts Southland's limit above every package before they meet.
    expect((await run('simulate', caseDir, ...plays)).out).toContain(
      'No agreement (deadline reached) after 200 steps.',
    );
    const unknown = await run('simulate', caseDir, '--scenario', 'monsoon');
    expect([unknown.code, unknown.err.trim()]).toEqual([
      2,
      'parley: unknown scenario "monsoon" (the model defines: patient-south)',
    ]);
  });

  it('answers the ceasefire-first question as labelled model output', { timeout: 120_000 }, async () => {
    const embedded = path.join(repoRoot, 'cases/istanbul-2022');
    const r = await run(
      'simulate',
      'whatif',
      embedded,
      ...['--runs', '2', '--deadline', '7', '--workers', '1', '--guarantors', 'ua=learn'],
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      'MODEL OUTPUT ON ASSUMPTIONS — not a finding about what happened. The preferences, reservation values',
    );
    expect(r.out).toContain(
      '  narrow: Narrow first agreement (ceasefire and humanitarian issues first) — issues of categories ceasefire, withdrawal, humanitarian, prisoners: withdrawal',
    );
    expect(r.out).toContain(
      '  baseline / framework: agreement set from 2022-03-29 open (margin +0.012, binding ua)',
    );
    expect(r.out).toContain(
      'Guarantors: ru informed, ua learn (informed: a party offers and accepts only packages every obliged guarantor signs; learn: it excludes what a veto taught it; blind: it ignores them).',
    );
    const bad = await run('simulate', 'whatif', embedded, '--tactic', 'ru=scripted');
    expect(bad.code).toBe(2);
    const deaf = await run('simulate', 'whatif', embedded, '--guarantors', 'deaf');
    expect(deaf.code).toBe(2);
    expect(deaf.err).toContain(
      'parley: --guarantors #1 "deaf": unknown guarantor knowledge "deaf"; expected informed, learn, blind',
    );
  });

  it('refuses a bad tactic with a located message and exit 2', async () => {
    if (shared) {
      const genius = await run('simulate', ...files, '--scenario', 'patient-south');
      expect([genius.code, genius.err.split('\n')[0]]).toEqual([
        2,
        'parley: `scenario` applies to case folders only (a scenario of the analyst model)',
      ]);
    }
    const r = await run('simulate', caseDir, '--tactic', 'north=linear', '--tactic', 'east=linear');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'parley: --tactic #2 "east=linear": no party "east"; the parties are north, south',
    );
  });
});

const run = (...argv: string[]) => runCli(argv);
