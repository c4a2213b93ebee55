import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';

/**
 * An Observable Plot chart as a React element: `options` are Plot's (marks, scales…); the chart is
 * drawn again when they change, so build them with useMemo. `label` names the chart for screen
 * readers; every chart's figures are also on the page as text (a list or a table beside it).
 */
export function PlotFigure({
  options,
  label,
  testId,
}: {
  options: Plot.PlotOptions;
  label: string;
  testId?: string;
}) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = Plot.plot({ ariaLabel: label, ...options });
    // Plot names each mark's <g> ("line", "dot") with aria-label but gives it no role, which
    // ARIA forbids on a generic element: as groups, screen readers announce them by that name.
    for (const g of chart.querySelectorAll('g[aria-label]:not([role])')) g.setAttribute('role', 'group');
    holder.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [options, label]);
  return <div className="chart" ref={holder} data-testid={testId} />;
}
