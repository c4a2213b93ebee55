import type { SearchOptions } from '@parley/core/bargaining/incumbent.ts';

/** The exact searches' budget from an input's `timeLimit` (seconds) and `nodeLimit`. */
export function searchBudget(input: { timeLimit?: number; nodeLimit?: number }): SearchOptions {
  return {
    ...(input.timeLimit !== undefined ? { timeLimitMs: input.timeLimit * 1000 } : {}),
    ...(input.nodeLimit !== undefined ? { nodeLimit: input.nodeLimit } : {}),
  };
}
