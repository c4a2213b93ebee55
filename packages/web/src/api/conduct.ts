import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Carry, Message, PackageValue, Proposal, ProposalState } from '@parley/model/schema/conduct.ts';
import { api, dataOf } from './client.ts';
import type { components } from './schema.d.ts';

/**
 * The negotiation's conduct as the caller may see it: channels, their messages and proposals,
 * the mediation team's carries, a party's own valuation, and the audit log with its checkpoint.
 * The server decides what comes back; these hooks only type it (record bodies are open in OpenAPI).
 */

export type Channel = components['schemas']['Channel'];
export type ProposalOrigin = NonNullable<components['schemas']['Proposal']['origin']>;
export interface ProposalSeen {
  id: string;
  version: number;
  body: Proposal;
  /** Where a carried copy came from: for the mediation team, and for a party once released. */
  origin?: ProposalOrigin;
}
export interface CarrySeen {
  id: string;
  visibility: string;
  body: Carry;
}
export type Evaluation = components['schemas']['PackageEvaluation'];
export type AuditLog = components['schemas']['AuditLog'];
export type Checkpoint = components['schemas']['AuditCheckpoint'];

const path = (caseId: string, channel: string) => ({ params: { path: { caseId, channel } } });

export function useChannels(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'channels'],
    queryFn: async () =>
      dataOf(await api.GET('/api/cases/{caseId}/channels', { params: { path: { caseId } } })),
  });
}

export function useMessages(caseId: string, channel: string) {
  return useQuery({
    queryKey: ['case', caseId, 'channel', channel, 'messages'],
    queryFn: async () =>
      dataOf(await api.GET('/api/cases/{caseId}/channels/{channel}/messages', path(caseId, channel))).map(
        (r) => ({ id: r.id, body: r.body as Message }),
      ),
  });
}

export function useProposals(caseId: string, channel: string) {
  return useQuery({
    queryKey: ['case', caseId, 'channel', channel, 'proposals'],
    queryFn: async () =>
      dataOf(await api.GET('/api/cases/{caseId}/channels/{channel}/proposals', path(caseId, channel))).map(
        (r): ProposalSeen => ({
          id: r.id,
          version: r.version,
          body: r.body as Proposal,
          ...(r.origin ? { origin: r.origin } : {}),
        }),
      ),
  });
}

/** The mediation team's record of where its proposals came from (mediation roles only). */
export function useCarries(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['case', caseId, 'carries'],
    enabled,
    queryFn: async () =>
      dataOf(await api.GET('/api/cases/{caseId}/carries', { params: { path: { caseId } } })).map(
        (r): CarrySeen => ({ id: r.id, visibility: r.visibility, body: r.body as Carry }),
      ),
  });
}

export function useAudit(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'audit'],
    queryFn: async () => dataOf(await api.GET('/api/cases/{caseId}/audit', { params: { path: { caseId } } })),
  });
}

/** The latest signed checkpoint, or null while the server has signed none. */
export function useLatestCheckpoint(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'checkpoint'],
    queryFn: async () => {
      const answer = await api.GET('/api/cases/{caseId}/audit/checkpoints/latest', {
        params: { path: { caseId } },
      });
      if (answer.response.status === 404) return null;
      return dataOf(answer);
    },
  });
}

/** A package valued by the caller's own party's model, fetched when asked (a button). */
export function useEvaluation(caseId: string, proposalId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['case', caseId, 'evaluation', proposalId],
    enabled,
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/proposals/{proposalId}/evaluation', {
          params: { path: { caseId, proposalId } },
        }),
      ),
  });
}

/** A write of the console, after which everything of the case is read again. */
function useConductWrite<I>(caseId: string, write: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case', caseId] }),
  });
}

export function usePostMessage(caseId: string, channel: string) {
  return useConductWrite(caseId, async (text: string) =>
    dataOf(
      await api.POST('/api/cases/{caseId}/channels/{channel}/messages', {
        ...path(caseId, channel),
        body: { text },
      }),
    ),
  );
}

export function useTablePackage(caseId: string) {
  return useConductWrite(
    caseId,
    async ({ channel, values, note }: { channel: string; values: PackageValue[]; note?: string }) =>
      dataOf(
        await api.POST('/api/cases/{caseId}/channels/{channel}/proposals', {
          ...path(caseId, channel),
          body: { content: { type: 'package', values }, ...(note ? { note } : {}) },
        }),
      ),
  );
}

export function useMoveProposal(caseId: string) {
  return useConductWrite(caseId, async ({ proposalId, to }: { proposalId: string; to: ProposalState }) =>
    dataOf(
      await api.POST('/api/cases/{caseId}/proposals/{proposalId}/transitions', {
        params: { path: { caseId, proposalId } },
        body: { to },
      }),
    ),
  );
}

export function useCarryProposal(caseId: string) {
  return useConductWrite(
    caseId,
    async ({ proposalId, to, as }: { proposalId: string; to: string; as: 'as-is' | 'suggestion' }) =>
      dataOf(
        await api.POST('/api/cases/{caseId}/proposals/{proposalId}/carry', {
          params: { path: { caseId, proposalId } },
          body: { to, as },
        }),
      ),
  );
}

export function useReleaseCarry(caseId: string) {
  return useConductWrite(caseId, async (carryId: string) =>
    dataOf(
      await api.POST('/api/cases/{caseId}/carries/{carryId}/release', {
        params: { path: { caseId, carryId } },
        body: {},
      }),
    ),
  );
}

/** Asks the server to sign the log's current head (mediation team, case admin). */
export function useSignCheckpoint(caseId: string) {
  return useConductWrite(caseId, async () =>
    dataOf(await api.POST('/api/cases/{caseId}/audit/checkpoints', { params: { path: { caseId } } })),
  );
}
