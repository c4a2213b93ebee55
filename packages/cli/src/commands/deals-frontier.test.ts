import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestFrontierPoint } from '@parley/core/bargaining/frontier-sample.ts';
import { exportGenius } from '@parley/core/bargaining/genius/genius-export.ts';
import { projectedFrontier } from '@parley/core/bargaining/pareto.ts';
import { randomDomain, type RandomDomainShape } from '@parley/core/bargaining/random-domain.ts';
import { runCli } from '../test-cli.ts';

/** A generated domain written as GENIUS XML: the domain file, then one profile per party. */
function geniusFiles(shape: RandomDomainShape): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-many-'));
  const exported = exportGenius(randomDomain(shape), 'generated');
  writeFileSync(path.join(dir, 'domain.xml'), exported.domain);
  return [
    path.join(dir, 'domain.xml'),
    ...exported.profiles.map((p, k) => {
      const file = path.join(dir, `party-${k + 1}.xml`);
      writeFileSync(file, p.xml);
      return file;
    }),
  ];
}

describe('parley deals frontier and budgets (many parties)', () => {
  const shape = { issues: 12, options: 10, parties: 5, seed: 1, reservationShare: 0.3 };
  const files = geniusFiles(shape);

  it('answers for 5 parties × 10^12 outcomes: frontier not listable, proven sample, projection, nearest point', async () => {
    const proposal = Array.from({ length: 12 }, (_, i) => `issue-${i + 1}=option-1`).join(',');
    const args = ['--sample', '3', '--project', '1,2', '--nearest', proposal, '--time-limit', '60'];
    const r = await runCli(['deals', 'frontier', ...files, ...args, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.outcomes).toBe(1e12);
    expect(report.frontier.size).toBe(null);
    expect(report.frontier.reason).toMatch(/^with 5 parties the partial frontier after \d+ issues has/);
    expect(report.sample.points.map((p: { proven: boolean }) => p.proven)).toEqual([true, true, true]);
    // The same figures as the engine computes directly on the domain the files came from.
    const domain = randomDomain(shape);
    const pair = projectedFrontier(domain, 0, 1);
    expect(report.projection.size).toBe(pair.size);
    const near = nearestFrontierPoint(
      domain,
      Array.from({ length: 12 }, () => 0),
    )!;
    expect(report.nearest.share).toBeCloseTo(near.share, 12);
    expect(report.nearest.point.proven).toBe(true);
    const text = await runCli(['deals', 'frontier', ...files, ...args]);
    expect(text.out).toContain('Pareto frontier: cannot be listed in full at this size');
    expect(text.out).toContain('[proven Pareto-optimal]');
  });

  it('stops every search at --time-limit and prints what it proved', async () => {
    const big = geniusFiles({ issues: 50, options: 10, parties: 10, seed: 1, reservationShare: 0.3 });
    const start = Date.now();
    const r = await runCli(['deals', 'genius', ...big, '--time-limit', '2']);
    // The frontier's own work limit (a few seconds) plus the 2 s of searches.
    expect(Date.now() - start).toBeLessThan(20_000);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/NOT proven within budget: no package scores above \d\.\d{6} \(gap \d\.\d{6}\)/);
  }, 30_000);

  it('refuses a bad budget or method with the flag named', async () => {
    const time = await runCli(['deals', 'frontier', ...files, '--time-limit', '0']);
    expect(time.err).toContain('--time-limit must be above 0 seconds');
    const method = await runCli(['deals', 'frontier', ...files, '--method', 'random']);
    expect(method.err).toContain('--method "random" is not one of weighted-sum, chebyshev');
    const nearest = await runCli(['deals', 'frontier', ...files, '--nearest', 'issue-1=option-99']);
    expect(nearest.err).toContain('--nearest: issue issue-1 has no value "option-99"');
  });
});
