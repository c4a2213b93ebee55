import { z } from 'zod';
import { recordId } from '@parley/model/schema/common.ts';

/**
 * Who may see a record. `case`: every member of the case. `party:<actor>`: that party's
 * delegation only. `channel:<actor>`: the mediation team and that delegation (the shuttle
 * caucus). `mediation`: the mediation team only.
 */
export type Visibility = 'case' | 'mediation' | `party:${string}` | `channel:${string}`;

export const visibilitySchema = z
  .string()
  .refine(
    (v) =>
      v === 'case' ||
      v === 'mediation' ||
      (/^(party|channel):/.test(v) && recordId.safeParse(v.slice(v.indexOf(':') + 1)).success),
    { message: 'a visibility is case, mediation, party:<actor id> or channel:<actor id>' },
  )
  .transform((v) => v as Visibility);

/**
 * What one member of a case sees, worked out from their roles: the mediation team sees every
 * channel; a delegation sees its own party's records and its channel. `everything` is for the
 * case's own keeper (the CLI on the database it opened, an import), never for a member.
 */
export type Audience =
  { everything: true } | { everything?: false; mediation: boolean; parties: readonly string[] };

export const everything: Audience = { everything: true };

/** Whether a viewer with this audience sees a record with this visibility. */
export function sees(audience: Audience, visibility: Visibility): boolean {
  if (audience.everything) return true;
  if (visibility === 'case') return true;
  if (visibility === 'mediation') return audience.mediation;
  const [scope, party] = splitVisibility(visibility);
  if (scope === 'channel' && audience.mediation) return true;
  return audience.parties.includes(party);
}

/** The visibilities an audience sees, as SQL can test them: exact values and `channel:` for all. */
export function visibleValues(audience: Exclude<Audience, { everything: true }>): {
  exact: Visibility[];
  anyChannel: boolean;
} {
  const exact: Visibility[] = ['case'];
  if (audience.mediation) exact.push('mediation');
  for (const party of audience.parties) exact.push(`party:${party}`, `channel:${party}`);
  return { exact, anyChannel: audience.mediation };
}

/** A cache key naming what an audience sees: two viewers with the same key see the same case. */
export function audienceKey(audience: Audience): string {
  if (audience.everything) return '*';
  return `${audience.mediation ? 'm' : '-'}|${[...audience.parties].sort().join(',')}`;
}

function splitVisibility(v: `party:${string}` | `channel:${string}`): ['party' | 'channel', string] {
  const at = v.indexOf(':');
  return [v.slice(0, at) as 'party' | 'channel', v.slice(at + 1)];
}
