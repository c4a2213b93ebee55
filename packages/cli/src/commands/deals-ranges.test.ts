import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-cli.ts';

/** A GENIUS domain with a real issue and an integer issue of 10^9 + 1 values, and two profiles. */
function rangeFiles(): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'parley-ranges-'));
  const issues = `<issue index="1" name="Buffer" type="real"><range lowerbound="0" upperbound="10"/>EVAL1</issue>
<issue index="2" name="Fund" type="integer" lowerbound="0" upperbound="1000000000">EVAL2</issue>`;
  const domain = `<negotiation_template><utility_space><objective index="0" name="Terms" type="objective">
${issues.replace(/EVAL\d/g, '')}</objective></utility_space></negotiation_template>`;
  const profile = (e1: string, e2: string, reservation: number) =>
    `<utility_space><objective index="0" name="Terms" type="objective">
${issues.replace('EVAL1', e1).replace('EVAL2', e2)}
<weight index="1" value="0.5"/><weight index="2" value="0.5"/></objective>
<reservation value="${reservation}"/></utility_space>`;
  const files = {
    'domain.xml': domain,
    'a.xml': profile(
      '<evaluator ftype="linear" parameter0="0" parameter1="0.1"/>',
      '<evaluator ftype="linear" offset="0" slope="1e-9"/>',
      0.2,
    ),
    'b.xml': profile(
      '<evaluator ftype="linear" parameter0="1" parameter1="-0.1"/>',
      '<evaluator ftype="linear" offset="1" slope="-1e-9"/>',
      0.2,
    ),
  };
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  });
}

describe('parley deals genius with real and wide integer issues', () => {
  const files = rangeFiles();

  it('answers with proven points, the ranges and the frontier pieces', async () => {
    const r = await runCli(['deals', 'genius', ...files, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.ranges.outcomes).toBe('continuum');
    expect(report.ranges.issues.map((i: { kind: string }) => i.kind)).toEqual(['real', 'integer']);
    // Symmetric profiles: the Nash point gives both 0.5 (many packages do; the certificate proves it).
    expect(report.nash.utilities[0]).toBeCloseTo(0.5, 9);
    expect(report.nash.utilities[1]).toBeCloseTo(0.5, 9);
    expect(report.nash.certificate.proven).toBe(true);
    expect(report.maxWelfare.utilities[0] + report.maxWelfare.utilities[1]).toBeCloseTo(1, 12);
    // One straight frontier from (0, 1) to (1, 0): the pieces span it.
    const pieces = report.ranges.frontier.pieces;
    expect(pieces[0].from.utilities).toEqual([0, 1]);
    expect(pieces.at(-1).to.utilities[0]).toBeCloseTo(1, 12);
  });

  it('refuses the GENIUS convention on a continuum, with the reason', async () => {
    const r = await runCli(['deals', 'genius', ...files, '--convention', 'genius']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('the genius convention picks points from a listed Pareto frontier');
  });
});
