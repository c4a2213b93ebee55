import type { SearchResult } from './branch-and-bound.ts';
import type { Candidate } from './objectives.ts';

/** What a finished (or aborted) search can prove: both searches report through this. */
export function searchResult(
  best: Candidate | undefined,
  run: { aborted: boolean; prunedBound: number; nodes: number; relaxations: number },
  rootBound: number,
): SearchResult {
  const value = best?.value ?? -Infinity;
  return {
    best,
    certificate: {
      proven: !run.aborted,
      value,
      // An aborted search has only the root's bound; a finished one, the best bound it pruned.
      upperBound: run.aborted ? Math.max(value, rootBound) : Math.max(value, run.prunedBound),
      rootBound: Math.max(rootBound, value),
      nodes: run.nodes,
      relaxations: run.relaxations,
    },
  };
}
