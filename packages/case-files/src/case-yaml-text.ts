import { Document, isScalar, visit } from 'yaml';

/**
 * A case file's YAML text, in the one form Parley writes: block mappings with keys in the order
 * of the value, lists of plain values (ids, sources, curve points) on one line in brackets,
 * nothing folded (long text stays on its line), no anchors or aliases. The same value always
 * gives the same text, so a written case can be compared byte for byte.
 */
export function caseYamlText(value: unknown): string {
  // aliasDuplicateObjects off: an object met twice is written out twice, never as *alias.
  const doc = new Document(value, { aliasDuplicateObjects: false });
  visit(doc, {
    Seq(_key, seq) {
      if (seq.items.length > 0 && seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: false });
}
