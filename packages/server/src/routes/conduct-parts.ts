import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ConductWriter } from '@parley/store/conduct/channels.ts';
import type { CaseRole } from '@parley/store/membership.ts';
import { actingMember } from '../acting-member.ts';
import { problemSchema } from '../http-errors.ts';
import type { ServerEnv } from '../server-env.ts';
import { caseErrors, jsonResponse } from './openapi-parts.ts';

/** Who speaks in channels and tables proposals: the mediation team and the delegations. */
export const speakerRoles: readonly CaseRole[] = [
  'mediator-lead',
  'mediator',
  'delegation-head',
  'delegation-member',
];
export const mediationRoles: readonly CaseRole[] = ['mediator-lead', 'mediator'];
export const delegationRoles: readonly CaseRole[] = ['delegation-head', 'delegation-member'];

export const channelParam = z
  .string()
  .min(1)
  .max(120)
  .meta({ description: '`plenary` or the id of a party (its caucus with the mediation team)' });
export const conductIdParam = z.string().min(1).max(40);

export const writeErrors = {
  ...caseErrors,
  409: jsonResponse(problemSchema, 'Not allowed in the state the proposal is in, or changed meanwhile'),
  422: jsonResponse(problemSchema, 'The input is invalid: every problem by field path'),
} as const;

/** The caller of a conduct route as its store functions take them. */
export function conductWriter(c: Context<ServerEnv>): ConductWriter {
  const access = c.get('access')!;
  return { audience: access.audience, memberships: access.memberships, ...actingMember(c) };
}
