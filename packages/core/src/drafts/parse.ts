import { closeSection, createScanner, scanLine, type InlineScanner } from './inline.ts';
import type {
  Bracket,
  DraftDiagnostic,
  DraftDocument,
  Paragraph,
  ParseMode,
  Section,
  SectionKind,
  TokenSpan,
} from './model.ts';
import { ParsedParagraph, ParsedSection } from './parsed-units.ts';
import { TokenStore } from './token-store.ts';
import { optionMark, readStructure, type OptionMark } from './structure.ts';
import { applyTag, TAG_LINE, type TagContext, type TagTarget } from './tags.ts';

export interface ParseOptions {
  /** Actor ids allowed in `[ru: …]` and `{ua: … | ru: …}`; unchecked when absent. */
  knownParties?: ReadonlySet<string>;
  /** Issue ids allowed in `@issues:`; unchecked when absent. */
  knownIssues?: ReadonlySet<string>;
  /** Source ids allowed in `@sources:`; unchecked when absent. */
  knownSources?: ReadonlySet<string>;
  /** Shown in diagnostics as `file:line:column`. */
  file?: string;
  /** `auto` (default) picks `parley` when the text has tag lines, else `plain`. */
  mode?: ParseMode | 'auto';
}

export interface ParseResult {
  document: DraftDocument;
  /** Every problem, in source order. Errors make the text invalid; warnings do not. */
  diagnostics: DraftDiagnostic[];
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
// `1.` `2.1` `(a)` `a)` `iv.` `*` `-`: a list marker starts a new paragraph even without a blank line.
const LIST_MARKER = /^(\d+(?:\.\d+)*\.?|\([0-9A-Za-z]{1,5}\)|[a-z]\)|[ivx]{1,5}\.|[*+-])(?=[ \t])/;
const LINK_DEFINITION = /^ {0,3}\[([^\]^][^\]]*)\]:[ \t]+\S/;
/** List markers after which Markdown (GFM) reads `[ ]` / `[x]` as a task box: bullets and `1.`. */
const TASK_LIST_MARKER = /^(?:[*+-]|\d+\.)$/;
const KRAMDOWN_ATTRIBUTES = /^[ \t]*\{:.*\}[ \t]*$/;
const FRONT_MATTER_TITLE = /^title:[ \t]*["']?(.*?)["']?[ \t]*$/;

const TAG_START = /^[ \t]*@(id|issues|status|sources|note|reconstruction):/;
const BLANK = /^\s*$/;

export function detectMode(text: string): ParseMode {
  // Only lines holding an `@` can be tag lines: look at those instead of running a regex over all.
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (TAG_START.test(text.slice(lineStart, at + 16))) return 'parley';
  }
  return 'plain';
}

/** Parses a draft in Parley's bracket-text format; reports every problem at once. */
export function parseDraft(text: string, options: ParseOptions = {}): ParseResult {
  const mode = !options.mode || options.mode === 'auto' ? detectMode(text) : options.mode;
  const lines = text.split(/\r?\n/);
  const diagnostics: DraftDiagnostic[] = [];
  const brackets: Bracket[] = [];
  const linkLabels = new Set<string>();
  if (mode === 'plain') {
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] as string;
      // Only a line starting with up to three spaces and `[` can define a link: no regex elsewhere.
      const first = line.charCodeAt(0) === 91 ? 0 : line.indexOf('[');
      if (first < 0 || first > 3) continue;
      const match = LINK_DEFINITION.exec(line);
      if (match) linkLabels.add((match[1] as string).toLowerCase());
    }
  }
  const scanner = createScanner(mode, { ...options, linkLabels }, brackets, diagnostics);
  const tagContext: TagContext = { ...options, diagnostics };
  const builder = new DocumentBuilder(mode, scanner, tagContext, text);

  let index = 0;
  // YAML front matter of Markdown drafts: only its title is used. A `---` that is never closed
  // is no front matter (a thematic break), and the text is read from its first line.
  const frontMatterEnd =
    mode === 'plain' && lines[0]?.trim() === '---'
      ? lines.findIndex((l, i) => i > 0 && l.trim() === '---')
      : -1;
  if (frontMatterEnd > 0) {
    for (index = 1; index < frontMatterEnd; index++) {
      const title = FRONT_MATTER_TITLE.exec(lines[index] as string);
      if (title) builder.document.title = title[1] as string;
    }
    index++;
  }
  // Where each line starts in `text`: the scanner reads the text itself (see `scanLine`).
  let start = 0;
  for (let skipped = 0; skipped < index; skipped++)
    start = nextLineStart(text, start, lines[skipped] as string);
  for (; index < lines.length; index++) {
    const line = lines[index] as string;
    builder.line(line, index + 1, start);
    start = nextLineStart(text, start, line);
  }
  builder.finish(lines.length);

  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { document: builder.document, diagnostics };
}

/** The start of the line after the one starting at `start` (lines end in `\n` or `\r\n`). */
function nextLineStart(text: string, start: number, line: string): number {
  const end = start + line.length;
  return end + (text.charCodeAt(end) === 13 ? 2 : 1);
}

type TagOwner =
  { kind: 'document' } | { kind: 'section'; section: Section } | { kind: 'paragraph'; paragraph: Paragraph };

/** Builds sections and paragraphs line by line. */
class DocumentBuilder {
  readonly document: DraftDocument;
  private section: Section | undefined;
  private paragraph: ParsedParagraph | undefined;
  /** Every token of the text, in text order: each unit's tokens are one range of it. */
  private readonly store: TokenStore;
  /** What the tag lines right below describe; undefined after a blank line. */
  private tagOwner: TagOwner | undefined;
  private readonly sectionIds = new Map<string, number>();
  private readonly explicitIds = new Set<string>();
  private readonly pendingTags = new Map<Section | Paragraph, TagTarget>();
  /** Paragraphs that open with an `Option …` mark (see structure.ts). */
  private readonly optionMarks = new Map<Paragraph, OptionMark>();

  constructor(
    private readonly mode: ParseMode,
    private readonly scanner: InlineScanner,
    private readonly tagContext: TagContext,
    /** The whole source text, which `raw` lines are cut from. */
    private readonly source: string,
  ) {
    this.store = new TokenStore(source);
    this.document = {
      mode,
      title: '',
      tags: { reconstruction: false, sources: [] },
      sections: [],
      brackets: scanner.brackets,
    };
  }

  /** One line of the text, `raw`, which starts at `lineStart` in the source. */
  line(raw: string, lineNumber: number, lineStart: number): void {
    let indent = 0;
    while (raw.charCodeAt(indent) === 32 || raw.charCodeAt(indent) === 9) indent++;
    // A test, not `raw.trim() === ''`, which copied every line of text just to look at it.
    if (indent === raw.length || BLANK.test(raw)) {
      this.endParagraph();
      this.tagOwner = undefined;
      return;
    }
    // Cheap first-character checks keep the per-line regexes off ordinary text lines.
    const first = raw[indent];
    if (first === '@' && this.mode === 'parley' && TAG_LINE.test(raw)) return this.tag(raw, lineNumber);
    if ((first === '[' || first === '{') && this.mode === 'plain') {
      if (LINK_DEFINITION.test(raw) || KRAMDOWN_ATTRIBUTES.test(raw)) return;
    }

    const heading = first === '#' && indent === 0 ? HEADING.exec(raw) : null;
    if (heading) {
      const level = (heading[1] as string).length;
      const content = heading[2] as string;
      const column = raw.indexOf(content) + 1;
      if (level === 1 && !this.document.title && this.document.sections.length === 0) {
        this.endParagraph();
        this.document.title = content;
        this.tagOwner = { kind: 'document' };
        return;
      }
      if (level <= 2) return this.startSection(content, lineNumber, column, lineStart + column - 1);
    }

    const body = indent ? raw.slice(indent) : raw;
    const marker = LIST_MARKER.exec(body);
    // An `Option 2:` mark starts a new paragraph even on the next line, as a list marker does.
    const ownOption = (first === '*' || first === 'O') && optionMark(body) !== undefined;
    if (marker || ownOption || !this.paragraph) {
      this.endParagraph();
      const section = this.currentSection(lineNumber);
      const num =
        marker && marker[1] !== '*' && marker[1] !== '-' && marker[1] !== '+' ? marker[1] : undefined;
      const span: TokenSpan = { store: this.store, from: this.store.count, to: this.store.count };
      const paragraph = new ParsedParagraph(
        `${section.id}.p${section.paragraphs.length + 1}`,
        num,
        indent,
        { line: lineNumber, column: indent + 1 },
        span,
      );
      section.paragraphs.push(paragraph);
      this.paragraph = paragraph;
      this.tagOwner = { kind: 'paragraph', paragraph };
      let textStart = marker ? indent + marker[0].length : indent;
      while (raw.charCodeAt(textStart) === 32 || raw.charCodeAt(textStart) === 9) textStart++;
      const option =
        raw.charCodeAt(textStart) === 42 || raw.charCodeAt(textStart) === 79
          ? optionMark(raw.slice(textStart))
          : undefined;
      if (option)
        this.optionMarks.set(paragraph, {
          label: option.label,
          number: option.number,
          header: option.header,
        });
      scanLine(
        this.scanner,
        this.source,
        lineStart + textStart,
        lineStart + raw.length,
        lineNumber,
        textStart + 1,
        paragraph.id,
        this.store,
        span.from,
        false,
        marker !== null && TASK_LIST_MARKER.test(marker[1] as string),
      );
      span.to = this.store.count;
      return;
    }
    // A continuation line of the open paragraph: an option mark with text below is no bare header.
    const mark = this.optionMarks.get(this.paragraph);
    if (mark) mark.header = false;
    const span = this.paragraph.span as TokenSpan;
    scanLine(
      this.scanner,
      this.source,
      lineStart + indent,
      lineStart + raw.length,
      lineNumber,
      indent + 1,
      this.paragraph.id,
      this.store,
      span.from,
      true,
    );
    span.to = this.store.count;
  }

  finish(lastLine: number): void {
    this.endParagraph();
    closeSection(this.scanner, lastLine);
    this.store.trim();
    for (const section of this.document.sections) {
      this.applyPending(section);
      for (const paragraph of section.paragraphs) this.applyPending(paragraph);
    }
    this.document.options = readStructure(this.document, this.optionMarks);
  }

  private tag(raw: string, lineNumber: number): void {
    const owner = this.tagOwner;
    if (!owner) {
      const column = raw.indexOf('@') + 1;
      this.tagContext.diagnostics.push({
        file: this.tagContext.file,
        path: '',
        line: lineNumber,
        column,
        code: 'misplaced-tag',
        severity: 'error',
        message: 'a tag line must directly follow the title, heading or paragraph it describes',
      });
      return;
    }
    if (owner.kind === 'document') {
      const target: TagTarget = { issues: [], sources: this.document.tags.sources };
      applyTag(this.tagContext, target, 'document', raw, lineNumber);
      if (target.reconstruction !== undefined) this.document.tags.reconstruction = target.reconstruction;
      if (target.note)
        this.document.tags.note = this.document.tags.note
          ? `${this.document.tags.note} ${target.note}`
          : target.note;
      return;
    }
    const unit = owner.kind === 'section' ? owner.section : owner.paragraph;
    let target = this.pendingTags.get(unit);
    if (!target) {
      target = { issues: unit.issues, sources: unit.sources };
      this.pendingTags.set(unit, target);
    }
    applyTag(this.tagContext, target, 'provision', raw, lineNumber);
  }

  /** Tags are applied at the end so that an `@id` renames the unit and the brackets opened in it. */
  private applyPending(unit: Section | Paragraph): void {
    const target = this.pendingTags.get(unit);
    if (!target) return;
    if (target.status) unit.status = target.status;
    if (target.note) unit.note = target.note;
    if (target.id) {
      if (this.explicitIds.has(target.id)) {
        const { line, column } = unit.position;
        this.tagContext.diagnostics.push({
          file: this.tagContext.file,
          path: '',
          line,
          column,
          code: 'duplicate-id',
          severity: 'error',
          message: `duplicate id "${target.id}"`,
        });
        return;
      }
      this.explicitIds.add(target.id);
      const oldId = unit.id;
      unit.id = target.id;
      unit.explicitId = true;
      // Derived paragraph ids follow their article's explicit id (`neutrality.p1`).
      if ('paragraphs' in unit) {
        for (const paragraph of unit.paragraphs) {
          if (!paragraph.explicitId && paragraph.id.startsWith(oldId + '.'))
            paragraph.id = unit.id + paragraph.id.slice(oldId.length);
        }
      }
      for (const bracket of this.scanner.brackets) {
        if (bracket.unit === oldId) bracket.unit = unit.id;
        else if (bracket.unit.startsWith(oldId + '.'))
          bracket.unit = unit.id + bracket.unit.slice(oldId.length);
      }
    }
  }

  private endParagraph(): void {
    this.paragraph = undefined;
  }

  private currentSection(lineNumber: number): Section {
    if (this.section) return this.section;
    // Text before the first `##` heading is the preamble.
    const empty = { store: this.store, from: this.store.count, to: this.store.count };
    return this.addSection({ kind: 'preamble', heading: '' }, empty, lineNumber, 1);
  }

  /** A `#`/`##` heading whose text `content` starts at `contentStart` in the source. */
  private startSection(content: string, lineNumber: number, column: number, contentStart: number): void {
    this.endParagraph();
    closeSection(this.scanner, lineNumber - 1);
    const headingSpan: TokenSpan = { store: this.store, from: this.store.count, to: this.store.count };
    const provisionalId = `s${this.document.sections.length + 1}`;
    const firstBracket = this.scanner.brackets.length;
    scanLine(
      this.scanner,
      this.source,
      contentStart,
      contentStart + content.length,
      lineNumber,
      column,
      `${provisionalId}.heading`,
      this.store,
      headingSpan.from,
      false,
    );
    headingSpan.to = this.store.count;
    const { kind, num, heading } = classifyHeading(content);
    const section = this.addSection({ kind, num, heading }, headingSpan, lineNumber, column);
    for (let b = firstBracket; b < this.scanner.brackets.length; b++) {
      const bracket = this.scanner.brackets[b] as Bracket;
      if (bracket.unit === `${provisionalId}.heading`) bracket.unit = `${section.id}.heading`;
    }
    this.tagOwner = { kind: 'section', section };
  }

  private addSection(
    parts: Pick<Section, 'kind' | 'num' | 'heading'>,
    headingSpan: TokenSpan,
    lineNumber: number,
    column: number,
  ): Section {
    const base = derivedSectionId(parts.kind, parts.num, parts.heading);
    const seen = this.sectionIds.get(base) ?? 0;
    this.sectionIds.set(base, seen + 1);
    const section = new ParsedSection(
      seen === 0 ? base : `${base}-${seen + 1}`,
      parts.kind,
      parts.num || undefined,
      parts.heading,
      { line: lineNumber, column },
      headingSpan,
    );
    this.document.sections.push(section);
    this.section = section;
    return section;
  }
}

/** Reads `Article 3bis. Heading`, `[Article 3ter] *(mechanism)*`, `Annex 1 — Forces`, `Preamble`. */
export function classifyHeading(content: string): { kind: SectionKind; num?: string; heading: string } {
  const text = content.replace(/[[\]*_]/g, '').trim();
  const article = /^Article\s+(\d+[a-z]*(?:\s+(?:bis|ter|quater|quinquies))?)\b[\s.:—–-]*(.*)$/i.exec(text);
  if (article) return { kind: 'article', num: article[1] as string, heading: (article[2] as string).trim() };
  const annex = /^Annex(?:\s+([0-9]+|[IVXLC]+|[A-Z])\b)?[\s.:—–-]*(.*)$/i.exec(text);
  if (annex)
    return { kind: 'annex', ...(annex[1] ? { num: annex[1] } : {}), heading: (annex[2] as string).trim() };
  if (/^Preamble\b/i.test(text))
    return { kind: 'preamble', heading: text.replace(/^Preamble\b[\s.:—–-]*/i, '') };
  return { kind: 'section', heading: text };
}

function derivedSectionId(kind: SectionKind, num: string | undefined, heading: string): string {
  if (kind === 'preamble') return 'preamble';
  if (kind === 'article' && num) return `art-${slug(num)}`;
  if (kind === 'annex') return num ? `annex-${slug(num)}` : 'annex';
  return `sec-${slug(heading).slice(0, 40).replace(/-$/, '') || 'untitled'}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
