/**
 * How many word edits a unit's diff may search before the unit is shown as wholly replaced.
 *
 * Myers' search for D edits fills about D² cells of its trace (the frontier of every step), and
 * that term dominates its cost: measured at 10-20 ns a cell (memory-bound), on units of 2,000
 * to 60,000 tokens alike. The bound is therefore set by a budget of cells, about a quarter of a
 * second and 64 MB of trace, and by the unit's size: two units of n and m tokens never need more
 * than n + m edits, so a unit that fits the budget whole is always diffed exactly. A fixed bound
 * (the former 2,000) replaced a one-paragraph text of 20,000 words with 1% of it edited, whose
 * exact diff costs a tenth of a second.
 */
export const EDIT_CELL_BUDGET = 16_000_000;

/** The bound no search exceeds: the square root of the cell budget. */
export const MAX_EDIT_BOUND = Math.floor(Math.sqrt(EDIT_CELL_BUDGET));

/** The edit bound for a unit of `aLength` tokens compared with one of `bLength`. */
export function editBound(aLength: number, bLength: number): number {
  return Math.min(aLength + bLength, MAX_EDIT_BOUND);
}
