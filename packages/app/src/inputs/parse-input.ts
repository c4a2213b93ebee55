import type { z } from 'zod';
import { ParleyError } from '@parley/model/errors.ts';

/**
 * How a shell names the input fields in messages: the CLI by its flags (`at` → `--at`), an HTTP
 * server by its body fields. Messages write a field as `` `at` ``; a field missing here is named
 * as it is, without the backticks.
 */
export type FieldNames = Readonly<Record<string, string>>;

/** Puts the shell's names for the fields into a message written with `` `field` `` marks. */
export function nameFields(message: string, names: FieldNames = {}): string {
  return message.replace(/`([A-Za-z]\w*)`/g, (_, field: string) => names[field] ?? field);
}

/**
 * Checks an input against its schema; the first problem — the rules are listed in the order a
 * user meets them — becomes a usage error, with the fields named as the shell names them.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, names?: FieldNames): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new ParleyError('usage', nameFields(first?.message ?? 'invalid input', names));
}
