import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BracketsJson } from '@parley/app/drafts/brackets.ts';
import type { RedlineJson } from '@parley/core/drafts/render-json.ts';
import { api, dataOf } from './client.ts';
import { useView } from './queries.ts';

/** Open brackets per version and per party (`parley brackets <case> <doc> --json`). */
export function useBrackets(caseId: string, documentId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'brackets', documentId],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/drafts/{documentId}/brackets', {
          params: { path: { caseId, documentId } },
        }),
      ) as unknown as BracketsJson,
  });
}

/** The redline between two stored versions (`parley diff <case> <doc>@<from> <doc>@<to> --format json`). */
export function useRedline(caseId: string, documentId: string, from: string, to: string) {
  return useQuery({
    queryKey: ['case', caseId, 'redline', documentId, from, to],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/drafts/{documentId}/diff', {
          params: { path: { caseId, documentId }, query: { from, to } },
        }),
      ) as unknown as RedlineJson,
    placeholderData: keepPreviousData,
  });
}

/** Where a version downloads as Akoma Ntoso, HTML or Markdown (the export route; the session cookie goes along). */
export function exportHref(
  caseId: string,
  documentId: string,
  version: string,
  format: 'akn' | 'html' | 'md',
) {
  const at = (s: string) => encodeURIComponent(s);
  return `/api/cases/${at(caseId)}/drafts/${at(documentId)}/versions/${at(version)}/export?format=${format}`;
}

/** Each actor's name by id, for labels (a party's colour always comes with its name). */
export function useActorNames(caseId: string): (id: string) => string {
  const actors = useView(caseId, 'actors');
  const names = new Map(actors.data?.actors.map((a) => [a.id, a.name]) ?? []);
  return (id) => names.get(id) ?? id;
}

/** Who initialled a version, with the version's current digest (each initial says whether it signed that). */
export function useInitials(caseId: string, documentId: string, versionId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'initials', documentId, versionId],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/drafts/{documentId}/versions/{versionId}/initials', {
          params: { path: { caseId, documentId, versionId } },
        }),
      ),
  });
}
