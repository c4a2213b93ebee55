import type {
  Paragraph,
  ProvisionStatus,
  Section,
  SectionKind,
  SourcePosition,
  Token,
  TokenSpan,
} from './model.ts';

/**
 * Paragraphs and sections as the parser makes them: their tokens live in the text's compact
 * store (`span`), and the `Token` objects are built the first time a reader asks for them, then
 * kept. The redline reads the store directly, so a diff builds token objects only for what it
 * renders.
 */
export class ParsedParagraph implements Paragraph {
  explicitId = false;
  issues: string[] = [];
  sources: string[] = [];
  // Set by readStructure; present from the start so that every paragraph has one shape.
  depth = 1;
  parent: string | undefined = undefined;
  label: string | undefined = undefined;
  option: { group: number; option: number } | undefined = undefined;
  declare status?: ProvisionStatus;
  declare note?: string;
  private built: Token[] | undefined = undefined;

  constructor(
    public id: string,
    public num: string | undefined,
    public indent: number,
    public position: SourcePosition,
    public span: TokenSpan | undefined,
  ) {}

  get tokens(): Token[] {
    return (this.built ??= this.span ? this.span.store.tokens(this.span.from, this.span.to) : []);
  }

  /** Tokens set by hand replace the stored ones. */
  set tokens(tokens: Token[]) {
    this.built = tokens;
    this.span = undefined;
  }
}

export class ParsedSection implements Section {
  explicitId = false;
  issues: string[] = [];
  sources: string[] = [];
  paragraphs: Paragraph[] = [];
  declare num?: string;
  declare status?: ProvisionStatus;
  declare note?: string;
  private built: Token[] | undefined = undefined;

  constructor(
    public id: string,
    public kind: SectionKind,
    num: string | undefined,
    public heading: string,
    public position: SourcePosition,
    public headingSpan: TokenSpan | undefined,
  ) {
    if (num !== undefined) this.num = num;
  }

  get headingTokens(): Token[] {
    return (this.built ??= this.headingSpan
      ? this.headingSpan.store.tokens(this.headingSpan.from, this.headingSpan.to)
      : []);
  }

  /** Tokens set by hand replace the stored ones. */
  set headingTokens(tokens: Token[]) {
    this.built = tokens;
    this.headingSpan = undefined;
  }
}
