import type { DraftDocument, OptionGroup, Paragraph, Section } from './model.ts';

/**
 * The structure a text shows by layout rather than by headings: which paragraph is nested in
 * which (by indentation, as Markdown lists nest), the text's own paragraph numbers, and UNFCCC
 * option groups (`**Option 1:** …`, `**Option 2:** …`). See docs/drafts-format.md.
 */

/** Nothing, or only an italic title (`*communication before the end of the period*`). */
const ITALIC_TITLE = /^(?:\*[^*\s][^*]*\*|_[^_\s][^_]*_)?$/;

/** The `Option …` mark that starts a paragraph, as the parser found it. */
export interface OptionMark {
  label: string;
  /** `1`, `II`, `(a)`. */
  number: string;
  /** Nothing follows the mark in its paragraph: the option's text is in the paragraphs below. */
  header: boolean;
}

const NUMBER = String.raw`(\d+[a-z]?|[IVXLC]+|[A-Z]|\([0-9a-z]{1,4}\))`;
const FOOTNOTES = String.raw`(?:\[\^[^\]\s]+\])*`;
/**
 * `**Option 1:**`, `**Option 1**:`, `**Option 2**.`, `**Option1**`, `**Option I:**`,
 * `**Option 3**`, `**Option 1[^6]:**` and `Option (a):`. Without bold, the colon is required, so
 * that prose such as "Option 1 and Option 2 are to be considered together" is not a mark.
 */
const OPTION_MARK = new RegExp(
  String.raw`^(?:\*\*Option[ \t]*${NUMBER}${FOOTNOTES}[:.]?\*\*[:.]?|Option[ \t]+${NUMBER}${FOOTNOTES}:(?=[ \t]|$))`,
);

/** The option mark at the start of a paragraph's text, with the length of text it takes. */
export function optionMark(text: string): (OptionMark & { length: number }) | undefined {
  const match = OPTION_MARK.exec(text);
  if (!match) return undefined;
  const number = (match[1] ?? match[2]) as string;
  return {
    label: `Option ${number}`,
    number,
    header: ITALIC_TITLE.test(text.slice(match[0].length).trim()),
    length: match[0].length,
  };
}

/** Sets `depth`, `parent`, `option` and `label` on every paragraph, and returns the option groups. */
export function readStructure(
  document: DraftDocument,
  marks: ReadonlyMap<Paragraph, OptionMark>,
): OptionGroup[] {
  const groups: OptionGroup[] = [];
  for (const section of document.sections) {
    const nesting = nest(section);
    // Options listed in a footnote (`[^2]: … Options include: Option 1: …`) are not the text's.
    const footnotes = new Set<string>();
    const textMarks = new Map<Paragraph, OptionMark>();
    for (const paragraph of section.paragraphs) {
      if (isFootnoteDefinition(paragraph) || (paragraph.parent && footnotes.has(paragraph.parent)))
        footnotes.add(paragraph.id);
      const mark = marks.get(paragraph);
      if (mark && !footnotes.has(paragraph.id)) textMarks.set(paragraph, mark);
    }
    if (textMarks.size > 0) {
      const reader = new OptionReader(section, nesting, textMarks, groups, footnotes);
      // The section's own paragraphs, then each paragraph with what is nested in it: a list item
      // `12. **Option 1:** …` and the `**Option 2:** …` indented below it are options of one group.
      reader.read(
        undefined,
        section.paragraphs.filter((p) => p.parent === undefined),
      );
      for (const paragraph of section.paragraphs) {
        const nested = nesting.children.get(paragraph);
        if (nested) reader.read(paragraph, nested);
      }
    }
    label(section, nesting, textMarks, groups);
  }
  return groups;
}

/** `[^2]: …`: in plain mode the reference is one token, followed by the colon. */
function isFootnoteDefinition(paragraph: Paragraph): boolean {
  // Read from the parser's store: building the paragraph's token objects here would build them all.
  const span = paragraph.span;
  if (span) {
    const { store, from, to } = span;
    return (
      to - from >= 2 &&
      store.kind(from) === 'word' &&
      store.text(from).startsWith('[^') &&
      store.kind(from + 1) === 'word' &&
      store.text(from + 1) === ':'
    );
  }
  const [first, second] = paragraph.tokens;
  return (
    first?.kind === 'word' && first.text.startsWith('[^') && second?.kind === 'word' && second.text === ':'
  );
}

interface Nesting {
  children: Map<Paragraph, Paragraph[]>;
  /** By position: the position of each paragraph's parent (-1: none), and the position just past the paragraphs nested in it. */
  parentAt: Int32Array;
  endAt: Int32Array;
}

/** Nests each paragraph in the nearest paragraph before it that is indented less. */
function nest(section: Section): Nesting {
  const children = new Map<Paragraph, Paragraph[]>();
  const paragraphs = section.paragraphs;
  // Positions in typed arrays rather than maps keyed by paragraph: this runs for every section.
  const parentAt = new Int32Array(paragraphs.length).fill(-1);
  const endAt = new Int32Array(paragraphs.length);
  const open: number[] = [];
  for (let at = 0; at < paragraphs.length; at++) {
    const paragraph = paragraphs[at] as Paragraph;
    while (open.length && (paragraphs[open.at(-1) as number] as Paragraph).indent >= paragraph.indent)
      endAt[open.pop() as number] = at;
    const parentPosition = open.at(-1);
    paragraph.depth = open.length + 1;
    if (parentPosition !== undefined) {
      const parent = paragraphs[parentPosition] as Paragraph;
      parentAt[at] = parentPosition;
      paragraph.parent = parent.id;
      const list = children.get(parent);
      if (list) list.push(paragraph);
      else children.set(parent, [paragraph]);
    } else paragraph.parent = undefined;
    open.push(at);
  }
  for (const at of open) endAt[at] = paragraphs.length;
  return { children, parentAt, endAt };
}

/** An option being read: its group, and whether it is a header that covers the blocks below it. */
interface Frame {
  group: OptionGroup;
  header: boolean;
  kind: string;
}

/**
 * Reads the option groups among the blocks of one container: a section, or a paragraph and what
 * is nested in it. An option covers its paragraph, what is nested in it, and the blocks after it
 * up to the next option of its group. After the last option of a group, a header option
 * (`**Option 1:**` alone, or with only an italic title) covers the rest of the container, and an
 * option with text ends at itself. An `Option 1` right under a header option opens a group nested
 * in that option; elsewhere it starts a new group.
 */
class OptionReader {
  /** Each paragraph's position in the section, built when first needed. */
  private positions: Map<Paragraph, number> | undefined;

  constructor(
    private readonly section: Section,
    private readonly nesting: Nesting,
    private readonly marks: ReadonlyMap<Paragraph, OptionMark>,
    private readonly groups: OptionGroup[],
    /** Ids of footnote definitions and what is nested in them: they end every option. */
    private readonly footnotes: ReadonlySet<string>,
  ) {}

  /** `owner`: the paragraph the blocks are nested in, itself the container's first block. */
  read(owner: Paragraph | undefined, nested: Paragraph[]): void {
    const blocks = owner ? [owner, ...nested] : nested;
    // A numbered paragraph with paragraphs nested in it (`12. **Option 1:** …`) is an option in
    // its own container, where its nested blocks are its siblings, and there it covers itself only.
    const marks = blocks.map((block) => {
      if (block === owner) return block.num === undefined ? undefined : this.marks.get(block);
      return block.num !== undefined && this.nesting.children.has(block) ? undefined : this.marks.get(block);
    });
    // Whether the next option mark after each block continues a group (rather than opening one).
    const continuesAfter: boolean[] = [];
    let continuing = false;
    for (let i = blocks.length - 1; i >= 0; i--) {
      continuesAfter[i] = continuing;
      const mark = marks[i];
      if (mark) continuing = !FIRST_NUMBER.test(mark.number);
    }
    const frames: Frame[] = [];
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index] as Paragraph;
      if (this.footnotes.has(block.id)) {
        frames.length = 0;
        continue;
      }
      const mark = marks[index];
      if (mark) {
        const first = FIRST_NUMBER.test(mark.number);
        const kind = numberKind(mark.number);
        if (first) {
          // Under a header option, a new group nests in it; otherwise it replaces what was open.
          if (!frames.at(-1)?.header) frames.length = 0;
        } else {
          while (frames.length > 1 && (frames.at(-1) as Frame).kind !== kind) frames.pop();
        }
        const continued = !first ? frames.pop() : undefined;
        const group = continued?.group ?? this.newGroup(block);
        group.options.push({
          label: mark.label,
          paragraphs: [],
          header: mark.header,
          position: block.position,
        });
        frames.push({ group, header: mark.header, kind });
        this.cover(frames, block, block === owner);
        continue;
      }
      // Blocks between two options of a group belong to the earlier one.
      while (frames.length && !continuesAfter[index] && !(frames.at(-1) as Frame).header) frames.pop();
      if (frames.length) this.cover(frames, block, block === owner);
    }
  }

  /**
   * Every open option covers the block and what is nested in it (the container's owner: itself
   * only), read by position from the section rather than gathered into an array per block.
   */
  private cover(frames: Frame[], block: Paragraph, alone: boolean): void {
    assign(frames, block);
    if (alone) return;
    this.positions ??= new Map(this.section.paragraphs.map((p, at) => [p, at]));
    const at = this.positions.get(block);
    if (at === undefined) return;
    const paragraphs = this.section.paragraphs;
    const end = this.nesting.endAt[at] as number;
    for (let p = at + 1; p < end; p++) assign(frames, paragraphs[p] as Paragraph);
  }

  private newGroup(block: Paragraph): OptionGroup {
    const group: OptionGroup = {
      id: this.groups.length,
      section: this.section.id,
      unit: block.id,
      options: [],
    };
    this.groups.push(group);
    return group;
  }
}

/** The numbers that open a group of options. */
const FIRST_NUMBER = /^(?:1|I|A|a|\((?:1|a|A|i)\))$/;

/** Arabic, Roman, lettered or parenthesised: options of one group are numbered alike. */
function numberKind(number: string): string {
  if (/^\d/.test(number)) return 'arabic';
  if (/^[IVXLC]+$/.test(number)) return 'roman';
  return number.startsWith('(') ? 'parenthesised' : 'letter';
}

/** Every open option covers the paragraph; the innermost is the one it records. */
function assign(frames: Frame[], paragraph: Paragraph): void {
  let innermost: Frame | undefined;
  for (const frame of frames) {
    const target = frame.group.options.at(-1);
    if (!target) continue;
    target.paragraphs.push(paragraph.id);
    innermost = frame;
  }
  if (innermost) paragraph.option = { group: innermost.group.id, option: innermost.group.options.length - 1 };
}

/**
 * Labels each paragraph by the text's own numbers: `¶14`, `¶8.1` (a `1.` nested in `8.`),
 * `¶4(a)`, with the option it belongs to (`¶12 Option 2`). An unnumbered paragraph is named
 * after the paragraph before it at its level or above (`¶14+1`, the first one after `¶14`;
 * `¶0+1` before the first number). A section with no numbers at all keeps positions (`¶3`).
 * Labels are for people: a text that repeats a number repeats the label; ids stay unique.
 */
function label(
  section: Section,
  nesting: Nesting,
  marks: ReadonlyMap<Paragraph, OptionMark>,
  groups: OptionGroup[],
): void {
  const numbered = section.paragraphs.some((p) => p.num !== undefined);
  /** By position: the paragraph's number with its parents' (`8.1`), if any. */
  const numberPath: (string | undefined)[] = new Array(section.paragraphs.length);
  /** Per depth, the last labelled paragraph's label and the unnumbered ones counted since. */
  const anchors: { base: string; count: number }[] = [];
  section.paragraphs.forEach((paragraph, index) => {
    const depth = paragraph.depth ?? 1;
    const parentAt = nesting.parentAt[index] as number;
    const inherited = parentAt < 0 ? undefined : numberPath[parentAt];
    const own = paragraph.num === undefined ? undefined : joinNumber(inherited, paragraph.num);
    numberPath[index] = own ?? inherited;
    const option = paragraph.option && groups[paragraph.option.group]?.options[paragraph.option.option];
    const suffix = option ? ` ${option.label}` : '';
    if (!numbered) {
      paragraph.label = `¶${index + 1}${suffix}`;
      return;
    }
    anchors.length = Math.min(anchors.length, depth + 1);
    if (own !== undefined || marks.has(paragraph)) {
      const number = own ?? inherited;
      paragraph.label = `${number !== undefined ? `¶${number}` : ''}${suffix}`.trim();
      anchors[depth] = { base: paragraph.label, count: 0 };
      return;
    }
    let anchor: { base: string; count: number } | undefined;
    for (let d = depth; d >= 0 && !anchor; d--) anchor = anchors[d];
    if (!anchor)
      anchors[depth] = anchor = { base: inherited !== undefined ? `¶${inherited}` : '¶0', count: 0 };
    anchor.count++;
    paragraph.label = `${anchor.base}+${anchor.count}`;
  });
}

/** `8` and `1.` → `8.1`; `4` and `(a)` → `4(a)`; `3` and `3.3` → `3.3`; `a)` reads as `(a)`. */
function joinNumber(parent: string | undefined, num: string): string {
  let own = num.replace(/\.$/, '');
  if (/^[0-9A-Za-z]+\)$/.test(own)) own = `(${own.slice(0, -1)})`;
  if (parent === undefined || own.startsWith(`${parent}.`)) return own;
  return own.startsWith('(') ? `${parent}${own}` : `${parent}.${own}`;
}
