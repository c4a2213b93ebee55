import type { AnalystModel } from '@parley/model/schema/analyst-model.ts';
import { agreementSet, MARGIN_TOLERANCE } from './agreement.ts';
import { findAssumption, withAssumption } from './assumptions.ts';
import { analysedOn, buildCaseBargaining, changeDays, type ModelIssue } from './case-model.ts';

/**
 * The smallest change of one named assumption that opens or closes the deal window.
 *
 * The predicate is "the agreement set is non-empty": on one day (`at`), or on some day of the
 * window (no `at`). The assumption is moved away from its value in both directions over its
 * allowed range (weights up to ten times their value, at least 1): a scan of SCAN_STEPS steps
 * finds the first value where the predicate flips, and bisection narrows it to 1e-9 of the
 * range. The margin need not be monotone in an assumption, so the scan reports the nearest flip,
 * not every flip.
 */

const SCAN_STEPS = 24;
const BISECTIONS = 40;

export interface ThresholdSearch {
  direction: 'up' | 'down';
  /** The value at which the predicate flips, or undefined when it never does in range. */
  threshold?: number;
  change?: number;
  searchedTo: number;
}

export interface SensitivityResult {
  assumption: string;
  rationale: string;
  value: number;
  at?: string;
  /** Margin at the current value (on `at`, or the best margin over the window). */
  margin: number;
  open: boolean;
  /** What crossing the threshold does. */
  flipsTo: 'open' | 'closed';
  up: ThresholdSearch;
  down: ThresholdSearch;
  /** The smaller of the two changes, if any. */
  nearest?: ThresholdSearch;
}

export function sensitivity(
  agenda: ModelIssue[],
  model: AnalystModel,
  path: string,
  at?: string,
): SensitivityResult {
  const assumption = findAssumption(model, path);
  const marginAt = (value: number) => {
    const bargaining = buildCaseBargaining(agenda, withAssumption(model, path, value));
    const days = at ? [at] : changeDays(model).map((d) => d.day);
    return Math.max(...days.map((day) => agreementSet(analysedOn(bargaining, day).domain).margin));
  };
  const isOpen = (margin: number) => margin >= -MARGIN_TOLERANCE;
  const margin = marginAt(assumption.value);
  const open = isOpen(margin);
  const upper = Number.isFinite(assumption.max) ? assumption.max : Math.max(1, 10 * assumption.value);
  const search = (direction: 'up' | 'down'): ThresholdSearch => {
    const end = direction === 'up' ? upper : assumption.min;
    let inside = assumption.value;
    for (let step = 1; step <= SCAN_STEPS; step++) {
      const raw = assumption.value + ((end - assumption.value) * step) / SCAN_STEPS;
      const probe = step === SCAN_STEPS ? end : Math.min(upper, Math.max(assumption.min, raw));
      if (isOpen(marginAt(probe)) !== open) {
        let flipped = probe;
        for (
          let b = 0;
          b < BISECTIONS && Math.abs(flipped - inside) > 1e-9 * Math.max(1, Math.abs(end));
          b++
        ) {
          const mid = (inside + flipped) / 2;
          if (isOpen(marginAt(mid)) !== open) flipped = mid;
          else inside = mid;
        }
        return { direction, threshold: flipped, change: flipped - assumption.value, searchedTo: end };
      }
      inside = probe;
    }
    return { direction, searchedTo: end };
  };
  const up = assumption.value < upper ? search('up') : { direction: 'up' as const, searchedTo: upper };
  const down =
    assumption.value > assumption.min
      ? search('down')
      : { direction: 'down' as const, searchedTo: assumption.min };
  const found = [up, down].filter((s) => s.change !== undefined);
  const nearest = found.sort((a, b) => Math.abs(a.change!) - Math.abs(b.change!))[0];
  return {
    assumption: path,
    rationale: assumption.rationale,
    value: assumption.value,
    at,
    margin,
    open,
    flipsTo: open ? 'closed' : 'open',
    up,
    down,
    nearest,
  };
}
