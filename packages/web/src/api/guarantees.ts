import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { GuaranteesReport } from '@parley/app/guarantees/report.ts';
import type { GuaranteeInstrument, TriggerKind } from '@parley/model/schema/guarantee.ts';
import { api, dataOf } from './client.ts';

/** The scenario filters of the comparison: attacker, place and trigger (`parley guarantees` flags). */
export interface GuaranteesQuery {
  attacker?: string;
  place?: string;
  trigger?: TriggerKind;
  library?: 'true' | 'false';
}

/** The instruments compared under scenarios (`parley guarantees <case> --json`). */
export function useGuarantees(caseId: string, query: GuaranteesQuery) {
  return useQuery({
    queryKey: ['case', caseId, 'guarantees', query],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/guarantees', { params: { path: { caseId }, query } }),
      ) as unknown as GuaranteesReport,
    placeholderData: keepPreviousData,
  });
}

/** An instrument as recorded, with the places of its guaranteed state: the start of a scratch copy. */
export function useInstrument(caseId: string, instrumentId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'guarantees', 'instrument', instrumentId],
    queryFn: async () =>
      dataOf(
        await api.GET('/api/cases/{caseId}/guarantees/instruments/{instrumentId}', {
          params: { path: { caseId, instrumentId } },
        }),
      ),
  });
}

/**
 * A scratch copy under the comparison's scenarios. A POST that stores nothing, so nothing is
 * invalidated afterwards.
 */
export function useEvaluateCopy(caseId: string, query: GuaranteesQuery) {
  return useMutation({
    mutationFn: async (copy: GuaranteeInstrument) =>
      dataOf(
        await api.POST('/api/cases/{caseId}/guarantees/evaluate', {
          params: { path: { caseId }, query },
          body: copy,
        }),
      ) as unknown as GuaranteesReport,
  });
}
