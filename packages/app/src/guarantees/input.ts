import { z } from 'zod';
import { triggerKind } from '@parley/model/schema/guarantee.ts';
import { wholeNumber } from '../inputs/fields.ts';

/** What a guarantee comparison takes: the selection, the event and the Monte Carlo settings. */
export const comparisonInput = z.object({
  /** One instrument (default: all, the case's and the library's). */
  instrument: z.string().optional(),
  /** One attacker, an actor id or `third-state` (default: the case's comparison). */
  attacker: z.string().optional(),
  /** One place, a place id or `core` (default: the case's comparison). */
  place: z.string().optional(),
  trigger: triggerKind.default('armed-attack'),
  /** Monte Carlo runs per instrument and scenario. */
  runs: wholeNumber('runs', 1, 10_000_000).default(10_000),
  /** The seed of the random generator, a 32-bit unsigned integer, the same in every cell. */
  seed: wholeNumber('seed', 0, 0xffffffff).default(1),
});

export type ComparisonInput = z.output<typeof comparisonInput>;

/** `parley guarantees` flags: the comparison, whether to add the library, and how to print it. */
export const guaranteesFlags = comparisonInput
  .extend({
    library: z.boolean().default(true),
    json: z.boolean().default(false),
    markdown: z.boolean().default(false),
  })
  .refine((flags) => !(flags.json && flags.markdown), { error: 'choose one of `json` and `markdown`' });
