import { useMutation } from '@tanstack/react-query';
import type { SimulationReport } from '@parley/app/simulate/simulate.ts';
import type { TraceEntry } from '@parley/core/simulate/trace.ts';
import { api, dataOf } from './client.ts';
import type { components } from './schema.d.ts';

export type SimulationRequest = components['schemas']['SimulationRequest'];
type Answer = components['schemas']['Simulation'];

/** The simulation route's answer, its open records typed by the app's and the engine's types. */
export interface Simulation extends Omit<Answer, 'report' | 'trace'> {
  report: SimulationReport;
  trace: TraceEntry[];
}
export type RunOutcome = Answer['runs'][number];
export type UtilitySpace = Answer['utilitySpace'];

/**
 * Runs a simulation on the server (`parley simulate <case> --json`, the first run's trace and the
 * utility space to draw it in). A mutation: each Run is a new computation, nothing is stored.
 */
export function useSimulation(caseId: string) {
  return useMutation({
    mutationFn: async (body: SimulationRequest) =>
      dataOf(
        await api.POST('/api/cases/{caseId}/simulate', { params: { path: { caseId } }, body }),
      ) as unknown as Simulation,
  });
}
