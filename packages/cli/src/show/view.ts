import type { Case } from '@parley/model/case.ts';

export interface ViewOptions {
  /** The `--at` date (EDTF); defaults to the case's `asOf`. */
  at?: string;
  contestedOnly: boolean;
  /** claims: only propositions with this topic. */
  topic?: string;
  /** history: the issue whose positions to follow over time. */
  issue?: string;
}

/** A view computes one JSON-ready object; the terminal text is rendered from that same object. */
export interface View<T> {
  build(c: Case, options: ViewOptions): T;
  render(data: T): string;
}
