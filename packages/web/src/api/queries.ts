import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Brief } from '@parley/app/brief.ts';
import type { ViewName } from '@parley/app/views/names.ts';
import type { ViewJsonByName } from '@parley/app/views/registry.ts';
import { api, dataOf } from './client.ts';
import type { paths } from './schema.d.ts';

export type RecordKind = paths['/api/cases/{caseId}/records/{kind}']['get']['parameters']['path']['kind'];

/** The view routes' query: `at` (EDTF), `issue` (history), `topic` and `contested` (claims). */
export interface ViewQuery {
  at?: string;
  issue?: string;
  topic?: string;
  contested?: 'true' | 'false';
}

/** The cases the caller is a member of, with their roles. */
export function useCases() {
  return useQuery({
    queryKey: ['cases'],
    queryFn: async () => dataOf(await api.GET('/api/cases')),
  });
}

/** A case's meta, the caller's roles in it and what they see, counted. */
export function useCaseDetail(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: async () => dataOf(await api.GET('/api/cases/{caseId}', { params: { path: { caseId } } })),
  });
}

/**
 * A view of the case as the caller sees it: the same JSON as `parley show <case> <view> --json`,
 * typed by the app's view models (the OpenAPI document types it as an open record).
 */
export function useView<V extends ViewName>(caseId: string, view: V, query: ViewQuery = {}) {
  return useQuery({
    queryKey: ['case', caseId, 'view', view, query],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/views/{view}', { params: { path: { caseId, view }, query } }),
      ) as unknown as ViewJsonByName[V],
    // A slider or a filter changing the query keeps the last answer on screen until the next.
    placeholderData: keepPreviousData,
  });
}

/** The brief: the overview and what each engine finds (`parley brief --json`). */
export function useBrief(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'brief'],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/brief', { params: { path: { caseId } } }),
      ) as unknown as Brief,
  });
}

/** The records of one kind the caller sees (e.g. events, with their actors). */
export function useRecords(caseId: string, kind: RecordKind) {
  return useQuery({
    queryKey: ['case', caseId, 'records', kind],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/records/{kind}', {
          params: { path: { caseId, kind } },
        }),
      ),
  });
}
