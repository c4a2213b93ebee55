import type { UnitChange } from './redline.ts';
import type { Piece } from './view.ts';

/**
 * A bracket left open at the end of a unit. Brackets may span paragraphs (`[2. … 3. …]`), but
 * HTML and XML elements cannot: renderers close their bracket markup at the end of a paragraph and
 * re-open it in each following paragraph the bracket covers. In a redline the bracket belongs to
 * the version its opening mark comes from, so it continues only into units of that version's
 * article (an A-only bracket skips a paragraph inserted in B, and resumes after it).
 */
export interface Carried<T> {
  value: T;
  /** The article the bracket is open in, in A and in B (one of them for a deleted or inserted mark). */
  aSection?: string;
  bSection?: string;
}

export class BracketCarry<T> {
  private pending: Carried<T>[] = [];
  private waiting: Carried<T>[] = [];

  /** A new article: brackets never span a heading (the parser reports them as unclosed). */
  reset(): void {
    this.pending = [];
  }

  /** The brackets this unit continues, outermost first; the others wait for a later unit. */
  resume(change: UnitChange): Carried<T>[] {
    const resumed: Carried<T>[] = [];
    this.waiting = [];
    if (change.unit === 'heading') this.pending = [];
    for (const entry of this.pending) {
      const covers =
        (entry.aSection !== undefined && entry.aSection === change.a?.section) ||
        (entry.bSection !== undefined && entry.bSection === change.b?.section);
      (covers ? resumed : this.waiting).push(entry);
    }
    this.pending = [];
    return resumed;
  }

  /** Where a bracket opened in `op` text of this unit lives, for `suspend`. */
  static origin(change: UnitChange, op: Piece['op']): Omit<Carried<never>, 'value'> {
    return {
      ...(op !== 'insert' && change.a ? { aSection: change.a.section } : {}),
      ...(op !== 'delete' && change.b ? { bSection: change.b.section } : {}),
    };
  }

  /** The brackets still open at the end of the unit (outermost first), with their origins. */
  suspend(open: Carried<T>[]): void {
    this.pending = [...this.waiting, ...open];
    this.waiting = [];
  }
}
