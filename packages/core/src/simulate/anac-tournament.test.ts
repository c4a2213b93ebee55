import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGenius } from '../bargaining/genius/genius-xml.ts';
import { partyIndices } from '../bargaining/outcome-space.ts';
import { paretoFrontier } from '../bargaining/pareto.ts';
import { distanceToFrontier } from './measures.ts';
import { simulateOnce, type PartyPlay } from './run.ts';

/**
 * The ANAC tournament check: Boulware (e = 0.2) against Conceder (e = 2) — in three-party
 * domains the third party Conceder too — 100 rounds, no discounting, on every ANAC domain in
 * ../shared/corpora/genius. Measure: the Euclidean distance, in the parties' undiscounted
 * utilities, from each agreement to the nearest point of the exact Pareto frontier (the GENIUS
 * tournament's "distance to Pareto"). Skips with a notice when ../shared is absent.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const corpus = path.resolve(repoRoot, '../shared/corpora/genius/anac');
const shared = existsSync(corpus);
if (!shared) console.warn('skipping the ANAC tournament check: ../shared/corpora/genius absent');

const boulware: PartyPlay = { tactic: { kind: 'time-dependent', e: 0.2 }, acceptance: { kind: 'next' } };
const conceder: PartyPlay = { tactic: { kind: 'time-dependent', e: 2 }, acceptance: { kind: 'next' } };

describe('ANAC tournament check', () => {
  it.skipIf(!shared)(
    'Boulware–Conceder agreements lie on or near the Pareto frontier',
    { timeout: 600_000 },
    () => {
      const distances: number[] = [];
      let domains = 0;
      let agreements = 0;
      for (const year of readdirSync(corpus))
        for (const name of readdirSync(path.join(corpus, year))) {
          const dir = path.join(corpus, year, name);
          const files = readdirSync(dir)
            .sort()
            .map((f) => ({ file: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') }));
          const domainFile = files.find((f) => !/<weight\b/.test(f.text))!;
          const domain = importGenius(
            domainFile,
            files.filter((f) => f !== domainFile),
            { normalizeWeights: true },
          ).negotiation;
          const parties = partyIndices(domain);
          const frontier = paretoFrontier(domain);
          if (frontier.size === null) continue;
          domains++;
          const run = simulateOnce(domain, {
            protocol: 'saop',
            deadline: 100,
            seed: 1,
            plays: parties.map((_, k) => (k === 0 ? boulware : conceder)),
          });
          if (!run.agreement) continue;
          agreements++;
          const point = parties.map((q) => run.agreement!.utilities[q]!);
          distances.push(distanceToFrontier(point, frontier.points));
        }
      const mean = distances.reduce((s, d) => s + d, 0) / distances.length;
      const max = Math.max(...distances);
      console.log(
        `ANAC Boulware–Conceder: ${domains} domains, ${agreements} agreements, distance to Pareto mean ${mean.toFixed(4)}, max ${max.toFixed(4)}, on the frontier ${distances.filter((d) => d < 1e-9).length}`,
      );
      expect(domains).toBe(99);
      // Measured 2026-12-01 (docs/simulate.md): 95 agreements, 72 exactly on the frontier, mean
      // distance 0.0148, worst 0.175.
      expect(agreements).toBe(95);
      expect(distances.filter((d) => d < 1e-9)).toHaveLength(72);
      expect(mean).toBeCloseTo(0.0148, 4);
      expect(mean).toBeLessThan(0.05);
    },
  );
});
