import { z } from 'zod';
import { edtfDateField, wholeNumber } from '../inputs/fields.ts';

/**
 * `simulate`: the protocol and its deadline, how many runs from which seed, each party's tactic
 * and acceptance condition (`party=spec`, parsed against the domain's parties in tactic-spec.ts),
 * an optional discount factor for every party, and for a case the first day of its calendar.
 * A tactic's parameter or the noise may be a range `low..high`, drawn per run (Monte Carlo).
 */
export const simulateInput = z
  .object({
    protocol: z
      .enum(['saop', 'single-text'], {
        error: (issue) => `\`protocol\` "${String(issue.input)}" is not one of saop, single-text`,
      })
      .default('saop'),
    variant: z
      .enum(['veto', 'hill-climbing'], {
        error: (issue) => `\`variant\` "${String(issue.input)}" is not one of veto, hill-climbing`,
      })
      .optional(),
    deadline: wholeNumber('deadline', 1, 100_000).default(100),
    runs: wholeNumber('runs', 1, 1_000_000).default(1),
    /** Worker threads for Monte Carlo runs (the shell's; default: the machine's parallelism). */
    workers: wholeNumber('workers', 1, 256).optional(),
    /** Opponent-model noise: a number or a range `low..high` drawn per run (tactic-spec.ts). */
    noise: z.string().optional(),
    seed: wholeNumber('seed', 0, 4_294_967_295).default(1),
    /** Case runs: the first day of the negotiation (default: the case's asOf). */
    from: edtfDateField('from', '2030-03-01').optional(),
    /** Case runs: a scenario of the analyst model to apply (its id; model.yaml). */
    scenario: z.string().min(1, '`scenario` must name a scenario of the model').optional(),
    tactic: z.array(z.string()).default([]),
    accept: z.array(z.string()).default([]),
    /** What the parties know of the guarantors: `mode` or `party=mode` (tactic-spec.ts); default informed. */
    guarantors: z.array(z.string()).default([]),
    discount: z
      .unknown()
      .transform((value, ctx) => {
        const d = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
        if (value === undefined) return undefined;
        if (d > 0 && d <= 1) return d;
        ctx.addIssue({
          code: 'custom',
          input: value,
          message: `\`discount\` "${String(value)}" must be a number above 0 and at most 1`,
        });
        return z.NEVER;
      })
      .optional(),
  })
  .refine((input) => input.variant === undefined || input.protocol === 'single-text', {
    error: '`variant` applies to the single-text protocol only',
  });

export type SimulateInput = z.output<typeof simulateInput>;
