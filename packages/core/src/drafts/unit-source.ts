import type { DraftDocument, Token } from './model.ts';

/**
 * Where each unit of a parsed draft lies in its source text, so that a redline can carry the
 * text exactly: the parse keeps words and brackets but drops what lies between them (spacing,
 * line breaks, list numbers, tag lines, link definitions, front matter).
 *
 * Every unit (a section's heading line, a paragraph) owns the source from its first line up to
 * the next unit's first line; the text before the first unit is the document's head (front
 * matter, title, document tags). Head and units together are the whole text, without a gap.
 */
export interface UnitSource {
  /** The unit's span in the source: `[start, end)`, UTF-16 offsets. */
  start: number;
  end: number;
  /** Per token: where it starts and ends in the source (a marker includes its `ru: ` attribution). */
  tokenStarts: number[];
  tokenEnds: number[];
}

export interface DocumentSource {
  text: string;
  /** The head is `[0, headEnd)`. */
  headEnd: number;
  /** Keyed by the unit's token array (a paragraph's `tokens`, a section's `headingTokens`): the
   * arrays a redline's changes hold. */
  units: Map<readonly Token[], UnitSource>;
}

/** Locates the units of `document`, parsed from `text`. */
export function locateUnits(document: DraftDocument, text: string): DocumentSource {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const lineStart = (line: number) => lineStarts[line - 1] ?? text.length;

  // Units and where they start, in text order.
  const starts: { tokens: Token[]; start: number }[] = [];
  for (const section of document.sections) {
    // The preamble a text opens with, before any heading, has no heading line: an empty span.
    const implicit = section.kind === 'preamble' && section.headingTokens.length === 0;
    const firstLine = implicit
      ? (section.paragraphs[0]?.position.line ?? section.position.line)
      : section.position.line;
    starts.push({ tokens: section.headingTokens, start: lineStart(firstLine) });
    for (const paragraph of section.paragraphs)
      starts.push({ tokens: paragraph.tokens, start: lineStart(paragraph.position.line) });
  }

  const units = new Map<readonly Token[], UnitSource>();
  for (let u = 0; u < starts.length; u++) {
    const { tokens, start } = starts[u] as { tokens: Token[]; start: number };
    const end = starts[u + 1]?.start ?? text.length;
    const tokenStarts = tokens.map((token) => lineStart(token.line) + token.column - 1);
    const tokenEnds = tokens.map((token, i) =>
      tokenEnd(text, tokenStarts[i] as number, token, tokenStarts[i + 1] ?? end),
    );
    units.set(tokens, { start, end, tokenStarts, tokenEnds });
  }
  return { text, headEnd: starts[0]?.start ?? text.length, units };
}

/**
 * Where `token`, starting at `start`, ends in `text` (never past `limit`, the next token's start):
 * a word's characters, each possibly escaped with `\`; a bracket mark with its attribution.
 */
function tokenEnd(text: string, start: number, token: Token, limit: number): number {
  let at = start;
  if (token.kind === 'word') {
    for (let i = 0; i < token.text.length && at < limit; i++) {
      const code = token.text.charCodeAt(i);
      if (text.charCodeAt(at) === code) at++;
      else if (text.charCodeAt(at) === 92 && text.charCodeAt(at + 1) === code) at += 2;
      else break;
    }
  } else {
    at++;
    if (token.party !== undefined && token.kind !== 'close') {
      const spaceOrTab = () => {
        while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
      };
      spaceOrTab();
      if (text.startsWith(`${token.party}:`, at)) {
        at += token.party.length + 1;
        spaceOrTab();
      }
    }
  }
  return Math.max(start, Math.min(at, limit));
}
