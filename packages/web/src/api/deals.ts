import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DealsReport } from '@parley/core/bargaining/case-report.ts';
import type { SensitivityResult } from '@parley/core/bargaining/sensitivity.ts';
import type { PairFrontierReport } from '@parley/app/deals/pair-frontier.ts';
import type { DealWindowReport } from '@parley/app/deals/window.ts';
import { api, dataOf } from './client.ts';

/** Is there a deal on one day (`parley deals <case> [--at] [--scenario] --json`). */
export function useDeals(caseId: string, query: { at?: string; scenario?: string }) {
  return useQuery({
    queryKey: ['case', caseId, 'deals', query],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/deals', { params: { path: { caseId }, query } }),
      ) as unknown as DealsReport,
    placeholderData: keepPreviousData,
  });
}

/** The deal window over time (`parley deals window --json`), with the model's scenarios. */
export function useDealWindow(caseId: string, query: { scenario?: string }) {
  return useQuery({
    queryKey: ['case', caseId, 'deals', 'window', query],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/deals/window', { params: { path: { caseId }, query } }),
      ) as unknown as DealWindowReport,
    placeholderData: keepPreviousData,
  });
}

/** One named assumption of the model (`parley deals assumptions --json`). */
export interface Assumption {
  path: string;
  value: number;
  rationale: string;
  min: number | null;
  max: number | null;
}

export function useAssumptions(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'deals', 'assumptions'],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/deals/assumptions', { params: { path: { caseId } } }),
      ) as unknown as Assumption[],
  });
}

/** The smallest change of one assumption that opens or closes the window (`parley deals sensitivity --json`). */
export function useSensitivity(caseId: string, query: { assumption: string; scenario?: string }) {
  return useQuery({
    queryKey: ['case', caseId, 'deals', 'sensitivity', query],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/deals/sensitivity', { params: { path: { caseId }, query } }),
      ) as unknown as SensitivityResult,
    enabled: query.assumption !== '',
  });
}

/** The Pareto frontier of two signatories on one day, with their reservation values and fair points. */
export function useDealFrontier(
  caseId: string,
  query: { a: string; b: string; at?: string; scenario?: string },
) {
  return useQuery({
    queryKey: ['case', caseId, 'deals', 'frontier', query],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/deals/frontier', { params: { path: { caseId }, query } }),
      ) as unknown as PairFrontierReport,
    placeholderData: keepPreviousData,
    enabled: query.a !== '' && query.b !== '' && query.a !== query.b,
  });
}
