import { z } from 'zod';
import { recordId } from './common.ts';
import { positionValue } from './positions.ts';
import { provisionAnchor } from './single-text.ts';

/**
 * The records of a negotiation's conduct: messages and proposals in the caucus channels and the
 * plenary, and the mediation team's record of what it carried from one caucus to another. They
 * are written through their own routes (each write logged), never through the generic record
 * routes, and are not part of the case files.
 */

/** A channel: `plenary` (the whole case) or a party's id (its caucus with the mediation team). */
export const channelId = z
  .string()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a channel is plenary or the id of a party of the case');

/** Who tabled a proposal: a party (by its delegation) or the mediation team itself. */
export const MEDIATION = 'mediation';
export const tabler = recordId.describe('The party whose delegation tabled it, or `mediation`.');

/** Conduct records are named by random ids, so an id says nothing about what else exists. */
export const conductId = z
  .string()
  .regex(/^[a-z]-[a-z0-9]{20}$/, 'a conduct id is a letter, "-" and 20 random letters or digits');

/** Who did something, as the record keeps it: the account, the role it acted in, when. */
export const actedBy = z.strictObject({
  user: z.string().min(1),
  role: z.string().min(1).describe('`mediator`, `delegation-head:north` …'),
  at: z.iso.datetime(),
});

export const attachmentSchema = z.strictObject({
  document: recordId,
  version: recordId.optional().describe('A version of the draft; without it, the document.'),
});

export const messageSchema = z.strictObject({
  id: conductId,
  channel: channelId,
  author: actedBy,
  text: z.string().min(1).max(20_000),
  attachments: z.array(attachmentSchema).max(20).optional(),
});

/** One issue's value in a package: shaped by the issue's kind, as a position's value is. */
export const packageValueSchema = z.strictObject({
  issue: recordId,
  value: positionValue,
  unit: z.string().optional().describe("number issues: when given, must be the issue's unit."),
});

export const packageContent = z.strictObject({
  type: z.literal('package'),
  values: z.array(packageValueSchema).min(1).max(200),
});

/** An amendment: bracketed text for one provision of a draft version, attributed to its party. */
export const amendmentContent = z.strictObject({
  type: z.literal('amendment'),
  document: recordId,
  version: recordId,
  provision: provisionAnchor,
  text: z.string().min(1).max(20_000).describe('The bracketed span the party proposes.'),
});

export const proposalContent = z.discriminatedUnion('type', [packageContent, amendmentContent]);

export const proposalStates = [
  'tabled',
  'under-consideration',
  'accepted',
  'rejected',
  'withdrawn',
  'superseded',
] as const;
export const proposalState = z.enum(proposalStates);

export const proposalSchema = z.strictObject({
  id: conductId,
  channel: channelId,
  tabledBy: tabler,
  content: proposalContent,
  state: proposalState,
  /** Every state it has been in, the first being `tabled`, with who moved it there. */
  history: z.array(actedBy.extend({ state: proposalState })).min(1),
  supersedes: conductId.optional(),
  /** A copy the mediation team carried as is: its origin (`tabledBy`) is shown. */
  carried: z.literal(true).optional(),
  note: z.string().max(2_000).optional(),
});

/**
 * The mediation team's record of where one of its proposals came from: carried from another
 * channel (as is, or as its own suggestion), or its own. Seen by the mediation team alone until
 * it releases it; its own proposals have one too, so the parties' audit log cannot tell a carried
 * suggestion from an original one.
 */
export const carrySchema = z.strictObject({
  id: conductId,
  copy: conductId.describe('The proposal in the receiving channel.'),
  to: channelId,
  as: z.enum(['as-is', 'suggestion', 'own']),
  original: conductId.optional().describe("The proposal carried (not for the team's own)."),
  from: channelId.optional(),
  origin: tabler.optional().describe('Who tabled the original.'),
  by: actedBy,
});

export type Message = z.infer<typeof messageSchema>;
export type PackageValue = z.infer<typeof packageValueSchema>;
export type ProposalContent = z.infer<typeof proposalContent>;
export type ProposalState = z.infer<typeof proposalState>;
export type Proposal = z.infer<typeof proposalSchema>;
export type Carry = z.infer<typeof carrySchema>;
export type ActedBy = z.infer<typeof actedBy>;
