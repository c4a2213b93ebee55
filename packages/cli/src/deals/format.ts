import pc from 'picocolors';
import type { AgreementReport, DealsReport, SolutionReport } from '@parley/core/bargaining/case-report.ts';
import type { DealWindowReport } from '@parley/app/deals/window.ts';
import { asOfNote } from '@parley/app/inputs/fields.ts';
import type { AdjustedWinnerReport } from '@parley/core/bargaining/case-adjusted-winner.ts';
import type { GeniusReport } from '@parley/core/bargaining/genius/genius-report.ts';
import type { SensitivityResult } from '@parley/core/bargaining/sensitivity.ts';
import { SOLUTION_NAMES } from '@parley/core/bargaining/solutions.ts';

/** Terminal text for the `parley deals` reports; the JSON is the reports themselves. */

/** A count of packages or outcomes: grouped digits, or 1.0e+60 from 10^15 on (where digits stop being exact). */
export const count = (n: number) => (n < 1e15 ? n.toLocaleString('en-US') : n.toExponential(1));

export const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
const signed = (x: number) => (x >= 0 ? '+' : '') + fmt(x);

/** A search stopped by its budget: what it proved is the bound (and the gap to the package shown). */
export const notProven = (upperBound: number, value?: number) =>
  `NOT proven within budget: no package scores above ${fmt(upperBound, 6)}${value !== undefined && Number.isFinite(value) ? ` (gap ${fmt(upperBound - value, 6)})` : ''}`;

export type Style = (text: string, paint: (s: string) => string) => string;

function agreementLine(label: string, a: AgreementReport, style: Style): string {
  const state = a.open ? style('NON-EMPTY', pc.green) : style('EMPTY', pc.red);
  const who = a.open ? `least surplus: ${a.binding.join(', ')}` : `short: ${a.binding.join(', ')}`;
  return `  ${label.padEnd(34)} ${state}${' '.repeat(Math.max(1, 11 - (a.open ? 9 : 5)))}margin ${signed(a.margin)}  (${who})`;
}

function packageLine(pkg: Record<string, string>): string {
  return Object.entries(pkg)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

function formatSolutions(
  title: string,
  solutions: Record<string, SolutionReport>,
  parties: string[],
): string[] {
  const lines = [title];
  const nash = solutions.nash;
  for (const name of SOLUTION_NAMES) {
    const s = solutions[name]!;
    if ('reason' in s) {
      lines.push(`  ${name.padEnd(17)} none: ${s.reason}`);
      continue;
    }
    const us = parties.map((p) => `${p} ${fmt(s.utilities[p]!)}`).join('  ');
    const proof = s.certificate.proven ? 'proven optimal' : notProven(s.certificate.upperBound);
    lines.push(`  ${name.padEnd(17)} ${us}  [${proof}]`);
    if (name === 'nash') lines.push(`    package: ${packageLine(s.package)}`);
    else if (nash && !('reason' in nash)) {
      const diff = Object.entries(s.package).filter(([k, v]) => nash.package[k] !== v);
      lines.push(
        `    differs from Nash on: ${diff.length ? diff.map(([k, v]) => `${k}=${v}`).join(', ') : 'nothing'}`,
      );
    }
  }
  return lines;
}

export function formatDeals(r: DealsReport, style: Style): string {
  const parties = r.pareto.parties;
  const lines = [
    style(`${r.case} on ${r.day}`, pc.bold) +
      asOfNote(r.at, r.day) +
      ` — analyst model (assumptions, not facts); scenario: ${r.scenario ?? 'baseline'}`,
    `${r.issues.length} issues, ${count(r.outcomes)} packages`,
    '',
    'Reservation values (value of no deal) on this day',
    ...Object.entries(r.reservationValues).map(
      ([actor, v]) => `  ${actor.padEnd(4)} ${v.role.padEnd(9)} ${fmt(v.value, 2)}  since ${v.event}`,
    ),
    '',
    'Agreement set (packages every required signatory prefers to no deal)',
    agreementLine('with every required signatory:', r.agreement.withGuarantors, style),
    agreementLine(`parties only (${parties.join(', ')}):`, r.agreement.partiesOnly, style),
    `  most balanced package: ${packageLine(r.agreement.withGuarantors.package)}`,
    '',
    r.pareto.size === null
      ? `Pareto frontier (${parties.join(', ')}): not computed — ${r.pareto.reason}`
      : `Pareto frontier (${parties.join(', ')}): ${r.pareto.size} points (exact)`,
    '',
    ...formatSolutions(
      'Bargaining points with every required signatory',
      r.solutions.withGuarantors,
      parties,
    ),
    '',
    ...formatSolutions('Bargaining points between the parties alone', r.solutions.partiesOnly, parties),
    '',
    "ZOPA on number issues (each party: values it accepts with the rest as in the parties' most balanced package;",
    '  joint: values for which some whole package satisfies both parties / every required signatory)',
    ...r.zopa.map((z) => {
      const unit = z.unit ? ` ${z.unit}` : '';
      const range = (values: number[]) =>
        values.length ? `${Math.min(...values)}–${Math.max(...values)}` : 'none';
      const sides = z.parties
        .map((p) => `${p.id} ${p.range ? `${p.range[0]}–${p.range[1]}` : 'none'}`)
        .join(' · ');
      return `  ${z.issue}${unit ? ` (${unit.trim()})` : ''}: ${sides} · overlap ${range(z.overlap)} · joint ${range(z.jointPartiesOnly)} / ${range(z.joint)}`;
    }),
  ];
  return lines.join('\n');
}

export function formatWindow(r: DealWindowReport, style: Style): string {
  const runs = (list: { from: string; until: string | null }[]) =>
    list.length ? list.map((x) => `${x.from} → ${x.until ?? 'end'}`).join(', ') : 'never';
  const scenario = r.scenario === null ? 'baseline' : `${r.scenario} — ${r.scenarioTitle ?? ''}`;
  const others = r.scenarios.filter((s) => s.id !== r.scenario);
  const lines = [
    style(`Deal window of ${r.case}`, pc.bold) + ` — analyst model; scenario: ${scenario}`,
    `Open (every required signatory): ${runs(r.open)}`,
    `Open (parties only):             ${runs(r.openForPartiesOnly)}`,
    ...(r.time
      ? [
          `Time costs (${Object.entries(r.time.discounts)
            .map(([actor, d]) => `${actor} ${d.value} per ${d.per}`)
            .join(', ')}): ${r.time.convention}; margins are discounted`,
        ]
      : []),
    ...(others.length
      ? [
          'The window depends on the account adopted; other scenarios (--scenario <id>):',
          ...others.map(
            (s) => `  ${s.id} — ${s.title}${s.sources.length ? ` [${s.sources.join(', ')}]` : ''}`,
          ),
          ...(r.scenario !== null ? ['  (or none, for the baseline)'] : []),
        ]
      : []),
    '',
    `${'from'.padEnd(11)}${'until'.padEnd(11)}${'all signatories'.padEnd(30)}${'parties only'.padEnd(24)}events`,
  ];
  for (const i of r.intervals) {
    const cell = (a: AgreementReport, width: number) => {
      const text = `${a.open ? 'open  ' : 'closed'} ${signed(a.margin)} ${a.open ? '' : `(${a.binding.join(',')})`}`;
      return (a.open ? style(text, pc.green) : text) + ' '.repeat(Math.max(1, width - text.length));
    };
    lines.push(
      `${i.from.padEnd(11)}${(i.until ?? '…').padEnd(11)}${cell(i.withGuarantors, 30)}${cell(i.partiesOnly, 24)}${i.events.join(', ')}`,
    );
  }
  return lines.join('\n');
}

export function formatSensitivity(r: SensitivityResult): string {
  const scope = r.at ? `on ${r.at}` : 'on some day of the window';
  const side = (s: SensitivityResult['up']) =>
    s.threshold === undefined
      ? `  ${s.direction.padEnd(4)}: no change up to ${fmt(s.searchedTo, 4)} ${r.open ? 'closes' : 'opens'} it`
      : `  ${s.direction.padEnd(4)}: at ${fmt(s.threshold, 6)} (change ${signed(s.change!)}) the window ${r.flipsTo === 'open' ? 'opens' : 'closes'}`;
  return [
    `${r.assumption} = ${r.value}  (${r.rationale})`,
    `The deal window is ${r.open ? 'OPEN' : 'CLOSED'} ${scope}: best margin ${signed(r.margin)}.`,
    side(r.up),
    side(r.down),
    r.nearest
      ? `Smallest change that ${r.flipsTo === 'open' ? 'opens' : 'closes'} it: ${signed(r.nearest.change!)} (to ${fmt(r.nearest.threshold!, 6)}).`
      : `No value in range ${r.flipsTo === 'open' ? 'opens' : 'closes'} it.`,
  ].join('\n');
}

export function formatAdjustedWinner(report: AdjustedWinnerReport): string {
  const [a, b] = report.parties;
  const lines = report.items.map(
    (i) =>
      `  ${i.issue.padEnd(28)} ${a} ${fmt(i.pointsA, 1).padStart(5)}  ${b} ${fmt(i.pointsB, 1).padStart(5)}  → ${i.outcome}`,
  );
  return [
    `Adjusted Winner between ${a} and ${b} (points from the model's weights; an assumption)`,
    ...lines,
    `Each party gets ${fmt(report.pointsA, 2)} of its own 100 points${report.split ? `; split issue: ${report.split}` : '; no issue is split'}.`,
  ].join('\n');
}

export function formatGenius(r: GeniusReport): string {
  const point = (name: string, p: GeniusReport['nash']) => {
    const head = p.utilities
      ? `  ${name.padEnd(17)} ${p.utilities.map((u) => fmt(u, 4)).join('  ')}  ${packageLine(p.outcome!)}`
      : `  ${name.padEnd(17)} none: ${p.reason}`;
    const c = p.certificate;
    const how =
      p.method === 'frontier'
        ? 'over the Pareto frontier'
        : c && !c.proven
          ? `exact search, ${notProven(c.upperBound, c.value)}`
          : 'exact search';
    return `${head}\n    [${p.convention}: ${p.definition}; ${how}]`;
  };
  return [
    `GENIUS domain ${r.domain}: ${r.issues} issues, ${count(r.outcomes)} outcomes, ${r.profiles.length} profiles`,
    ...r.profiles.map(
      (p, k) =>
        `  profile ${k + 1}: ${p.file}  reservation ${p.reservationValue}${p.reservationDefaulted ? ' (none given: 0)' : ''}${p.discountFactor !== null ? `, discount ${p.discountFactor}` : ''}${p.weightSum !== 1 ? `, weights sum to ${p.weightSum}` : ''}${p.capped ? ' (utility capped at 1)' : ''}`,
    ),
    `Weights: ${r.weights.rule}`,
    ...r.warnings.map((w) => `warning: ${w}`),
    r.pareto.size === null
      ? `Pareto frontier: not computed — ${r.pareto.reason}`
      : `Pareto frontier: ${r.pareto.size} points (exact)`,
    `Points (convention: ${r.convention}; utilities in profile order, then the outcome):`,
    point('nash', r.nash),
    point('kalaiSmorodinsky', r.kalaiSmorodinsky),
    point('maxWelfare', r.maxWelfare),
    point('egalitarian', r.egalitarian),
    ...(r.time ? timeLines(r.time) : []),
    ...(r.ranges ? rangeLines(r.ranges) : []),
  ].join('\n');
}

/** Real and wide integer issues: the ranges, then the two-party frontier piece by piece. */
function rangeLines(ranges: NonNullable<GeniusReport['ranges']>): string[] {
  const end = (e: { utilities: number[]; outcome: { values: number[] } }, open: boolean) =>
    `(${e.utilities.map((u) => fmt(u, 4)).join(', ')})${open ? ' open' : ''} at ${e.outcome.values.map((v) => fmt(v, 4)).join(', ')}`;
  const f = ranges.frontier;
  return [
    `Ranges: ${ranges.issues.map((i) => `${i.name} ${i.kind} ${i.lower}..${i.upper}`).join('; ')}`,
    `  ${ranges.statement}`,
    f.pieces
      ? `Pareto frontier pieces${f.relaxation ? ' (continuous relaxation: whole numbers only on integer ranges)' : ''}, every point between two ends attained (range values in issue order):`
      : `Pareto frontier: not computed — ${f.reason}`,
    ...(f.pieces ?? []).map((p) => `  ${end(p.from, p.openFrom)} → ${end(p.to, p.openTo)}`),
  ];
}

/** The discounting section of a GENIUS report: the convention, then every point at the deadline. */
function timeLines(time: NonNullable<GeniusReport['time']>): string[] {
  const values = (us: number[] | null) => (us ? us.map((u) => fmt(u, 4)).join('  ') : 'none');
  return [
    `Time (${time.convention}):`,
    `  ${time.note}`,
    `  at the deadline (t = 1): reservation values ${values(time.deadline.reservationValues)}`,
    ...Object.entries(time.deadline.points).map(([name, us]) => `  ${name.padEnd(17)} ${values(us)}`),
  ];
}
