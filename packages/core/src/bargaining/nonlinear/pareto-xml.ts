import { parseXmlDocument, type XmlElement } from '../genius/xml-document.ts';
import type { FrontierPoint } from '../pareto.ts';

/**
 * The `pareto.xml` GENIUS ships beside each ANAC 2014 domain: the Pareto points GENIUS computed,
 * one element per point carrying the two parties' utilities as attributes. The reader takes every
 * element with two or more numeric attributes whose names start with "util" (utilityA/utilityB,
 * utility1/utility2…), in document order, the attributes in the order they are written.
 */
export function parseParetoXml(text: string, file: string): number[][] {
  const doc = parseXmlDocument(text, file);
  const points: number[][] = [];
  const walk = (e: XmlElement) => {
    const utilities = Object.entries(e.attributes)
      .filter(([name]) => /^util/i.test(name))
      .map(([name, raw]) => {
        const value = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(value)) doc.fail(e, `${name}="${raw}" is not a number`);
        return value;
      });
    if (utilities.length >= 2) points.push(utilities);
    e.children.forEach(walk);
  };
  walk(doc.root);
  if (points.length === 0) doc.fail(doc.root, 'no Pareto point (an element with utility attributes) found');
  return points;
}

/** pareto.xml text for a frontier (utilityA, utilityB per point), as tests and tools write it. */
export function paretoXml(points: number[][]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<pareto>\n${points
    .map((u) => `  <bidpoint utilityA="${u[0]}" utilityB="${u[1]}"/>`)
    .join('\n')}\n</pareto>\n`;
}

/**
 * The points of a reference frontier that our frontier neither contains nor dominates (each
 * reference point must be matched, within `tolerance`, by a frontier point at least as good for
 * both parties). Empty when our frontier is at least as good everywhere.
 */
export function uncoveredPoints(
  frontier: FrontierPoint[],
  reference: number[][],
  tolerance = 1e-9,
): number[][] {
  return reference.filter((r) => !frontier.some((f) => f.utilities.every((u, d) => u >= r[d]! - tolerance)));
}
