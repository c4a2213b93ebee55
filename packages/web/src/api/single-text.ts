import { useQuery } from '@tanstack/react-query';
import type { SingleTextStanding } from '@parley/core/conduct/single-text-brackets.ts';
import type { SingleText } from '@parley/model/schema/single-text.ts';
import { api, ApiError, dataOf } from './client.ts';

/** The criticisms the caller sees, by party then provision (the server leaves out what it may not see). */
export interface CriticismsJson {
  document: string;
  version: string;
  parties: {
    party: string;
    provisions: { provision: string; criticisms: { id: string; text: string; by: string }[] }[];
  }[];
}

/**
 * The document as a single negotiating text: its pen-holders and the versions issued; null when
 * the document is not held as one (the server answers 404).
 */
export function useSingleText(caseId: string, documentId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'single-text', documentId],
    queryFn: async () => {
      try {
        return dataOf(
          await api.GET('/api/cases/{caseId}/single-texts/{documentId}', {
            params: { path: { caseId, documentId } },
          }),
        ) as unknown as SingleText & { versions: string[] };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** Where each party stands on each version; its `parties` lead with the required signatories. */
export function useStanding(caseId: string, documentId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'single-text', documentId, 'standing'],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/single-texts/{documentId}/standing', {
          params: { path: { caseId, documentId } },
        }),
      ) as unknown as SingleTextStanding,
  });
}

export function useCriticisms(caseId: string, documentId: string, versionId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'single-text', documentId, 'criticisms', versionId],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/single-texts/{documentId}/versions/{versionId}/criticisms', {
          params: { path: { caseId, documentId, versionId } },
        }),
      ) as unknown as CriticismsJson,
  });
}

/** Each member's display name by account id, to name the pen-holders (accounts, not actors). */
export function useMemberNames(caseId: string): (userId: string) => string {
  const members = useQuery({
    queryKey: ['case', caseId, 'members'],
    queryFn: async () =>
      dataOf(await api.GET('/api/cases/{caseId}/members', { params: { path: { caseId } } })),
  });
  const names = new Map(members.data?.members.map((m) => [m.userId, m.displayName]) ?? []);
  return (userId) => names.get(userId) ?? userId;
}
