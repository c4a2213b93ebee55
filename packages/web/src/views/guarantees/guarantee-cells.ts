import type { GuaranteesReport } from '@parley/app/guarantees/report.ts';

type Column = GuaranteesReport['columns'][number];

/** A scenario column as it reads: "ru, core territory", "by, crimea" (with the trigger when not an armed attack). */
export function columnLabel(c: Column, nameOf: (id: string) => string = (id) => id): string {
  const trigger = c.trigger === 'armed-attack' ? '' : `, ${c.trigger}`;
  return `${nameOf(c.attacker)}, ${c.place ?? 'core territory'}${trigger}`;
}

/** The result of one instrument under one scenario column, if the comparison has it. */
export function resultAt(report: Pick<GuaranteesReport, 'results'>, instrument: string, c: Column) {
  return report.results.find(
    (r) =>
      r.instrument === instrument &&
      r.scenario.attacker === c.attacker &&
      (r.scenario.place ?? null) === c.place &&
      r.scenario.trigger === c.trigger,
  );
}

/** A probability as a percentage with one decimal: 99.99 % reads "100.0%", 0.4567 "45.7%". */
export const percent = (p: number) => `${(p * 100).toFixed(1)}%`;
