import { isMap, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { FieldPath } from '@parley/model/diagnostic.ts';

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Finds where a field path sits in a parsed YAML document. When the path does not exist (a
 * missing required field), the nearest existing ancestor is used, so the message still points
 * at the record that lacks it. With `atKey`, the position of the last key itself is returned
 * (for "unknown field" errors the key is what is wrong, not its value).
 */
export function locate(doc: Document, lines: LineCounter, path: FieldPath, atKey = false): SourcePosition {
  let node: Node | null | undefined = doc.contents as Node | null;
  let best: number = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === part);
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      if (atKey && i === path.length - 1 && keyNode?.range) {
        best = keyNode.range[0];
        break;
      }
      node = pair.value as Node | null;
      best = node?.range?.[0] ?? keyNode?.range?.[0] ?? best;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined;
      if (!item) break;
      node = item;
      best = item.range?.[0] ?? best;
    } else {
      break;
    }
  }
  const pos = lines.linePos(best);
  return { line: pos.line, column: pos.col };
}
