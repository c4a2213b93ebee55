import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { PARLEY_NAMESPACE } from './akn-inline.ts';
import type { DraftDocument, Paragraph } from './model.ts';
import type { UnitChange } from './redline.ts';

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** One open level of an article: the element paragraphs nested at the next depth go into. */
interface Level {
  depth: number;
  node: XMLBuilder;
  eId: string;
  /** The `list` that numbered children are gathered in, while no unnumbered child interrupts it. */
  list?: { node: XMLBuilder; eId: string; points: number };
  lists: number;
  subparagraphs: number;
}

/**
 * Places the paragraphs of an article in Akoma Ntoso as the text nests them: a paragraph of the
 * article is a `paragraph`; what is nested in it is a `point` of a `list` when numbered (`(a)`,
 * `1.`), else a `subparagraph`; a unit with nested units holds its own text in `intro`. Each unit
 * of a `**Option 1:** …` group carries `parley:option` and `parley:optionGroup`.
 */
export class AknNesting {
  private readonly stack: Level[] = [];
  private paragraphs = 0;
  private readonly sides: { side: string; document: DraftDocument; byId: Map<string, Paragraph> }[];

  constructor(
    private readonly uniqueEId: (base: string) => string,
    document: DraftDocument,
    against: DraftDocument | undefined,
  ) {
    const index = (d: DraftDocument) =>
      new Map(d.sections.flatMap((s) => s.paragraphs.map((p) => [p.id, p] as const)));
    this.sides = [
      { side: against ? 'b' : '', document, byId: index(document) },
      ...(against ? [{ side: 'a', document: against, byId: index(against) }] : []),
    ];
  }

  /** A new article (or other container) starts. */
  reset(container: XMLBuilder, eId: string): void {
    this.stack.length = 0;
    this.stack.push({ depth: 0, node: container, eId, lists: 0, subparagraphs: 0 });
    this.paragraphs = 0;
  }

  /** Paragraphs placed directly in the current container. */
  get count(): number {
    return this.paragraphs;
  }

  /** How deep a unit is nested: the later version's nesting, or the earlier one's for a deleted unit. */
  depth(change: UnitChange): number {
    return this.paragraphOf(change)?.paragraph.depth ?? 1;
  }

  /** Creates the element for a paragraph change, nested under the unit it belongs to. */
  place(change: UnitChange, attributes: Record<string, string>): XMLBuilder {
    const depth = this.depth(change);
    while (this.stack.length > 1 && (this.stack.at(-1) as Level).depth >= depth) this.stack.pop();
    const parent = this.stack.at(-1) as Level;
    const numbered = (change.b ?? change.a)?.num !== undefined;
    let node: XMLBuilder;
    let eId: string;
    if (parent.depth === 0) {
      eId = this.uniqueEId(`${parent.eId}__para_${++this.paragraphs}`);
      node = parent.node.ele('paragraph', { eId, ...attributes });
    } else if (numbered) {
      if (!parent.list) {
        const listId = this.uniqueEId(`${parent.eId}__list_${++parent.lists}`);
        parent.list = { node: parent.node.ele('list', { eId: listId }), eId: listId, points: 0 };
      }
      eId = this.uniqueEId(`${parent.list.eId}__point_${++parent.list.points}`);
      node = parent.list.node.ele('point', { eId, ...attributes });
    } else {
      parent.list = undefined;
      eId = this.uniqueEId(`${parent.eId}__subpara_${++parent.subparagraphs}`);
      node = parent.node.ele('subparagraph', { eId, ...attributes });
    }
    this.markOption(node, change);
    // The unit's own depth, not its parent's plus one: a unit indented two levels deeper still
    // nests under it, as `intro` (see toAkn) expects.
    this.stack.push({ depth, node, eId, lists: 0, subparagraphs: 0 });
    return node;
  }

  private markOption(node: XMLBuilder, change: UnitChange): void {
    const found = this.paragraphOf(change);
    const option = found?.paragraph.option;
    if (!found || !option) return;
    const label = found.document.options?.[option.group]?.options[option.option]?.label;
    if (!label) return;
    // Declared once on the element: xmlbuilder2 would declare it again for each attribute.
    node
      .att(XMLNS, 'xmlns:parley', PARLEY_NAMESPACE)
      .att(PARLEY_NAMESPACE, 'parley:option', label)
      .att(PARLEY_NAMESPACE, 'parley:optionGroup', `${found.side}${option.group}`);
  }

  private paragraphOf(
    change: UnitChange,
  ): { paragraph: Paragraph; document: DraftDocument; side: string } | undefined {
    const [later, earlier] = this.sides;
    const ref = change.b ?? change.a;
    const side = change.b || !earlier ? later : earlier;
    const paragraph = ref && side?.byId.get(ref.id);
    return paragraph && side ? { paragraph, document: side.document, side: side.side } : undefined;
  }
}
