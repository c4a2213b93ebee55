import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GuaranteesReport } from '@parley/app/guarantees/report.ts';
import type { TriggerKind } from '@parley/model/schema/guarantee.ts';
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
