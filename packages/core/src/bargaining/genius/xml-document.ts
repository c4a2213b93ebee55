import { ParleyError } from '@parley/model/errors.ts';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * A GENIUS file parsed into plain elements that remember where they start, so every error can
 * name file:line:column.
 */

/** A malformed GENIUS file, located at file:line:column. */
export function geniusFormatError(file: string, line: number, column: number, detail: string): ParleyError {
  return new ParleyError('invalid-genius', `${file}:${line}:${column}: ${detail}`, [
    { code: 'invalid-genius', severity: 'error', file, line, column, path: '', message: detail },
  ]);
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  line: number;
  column: number;
}

export interface XmlDocument {
  file: string;
  root: XmlElement;
  /** Throws an invalid-genius ParleyError located at `at`. */
  fail(at: XmlElement, message: string): never;
}

const ATTRIBUTE = '@_';

export function parseXmlDocument(text: string, file: string): XmlDocument {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    throw geniusFormatError(
      file,
      verdict.err.line,
      verdict.err.col ?? 1,
      `not well-formed XML: ${verdict.err.msg}`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTRIBUTE,
    parseAttributeValue: false,
    parseTagValue: false,
    preserveOrder: true,
    captureMetaData: true,
  });
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const locate = (index: number | undefined) => {
    if (index === undefined) return { line: 1, column: 1 };
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: index - lineStarts[lo]! + 1 };
  };
  const meta = XMLParser.getMetaDataSymbol() as unknown as string;
  // preserveOrder output: [{ tagName: [children], ':@': { attributes } }, …]
  const convert = (node: Record<string, unknown>): XmlElement | undefined => {
    const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '?xml');
    if (!name) return undefined;
    const rawAttributes = (node[':@'] ?? {}) as Record<string, string>;
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttributes)) attributes[k.slice(ATTRIBUTE.length)] = String(v);
    const position = locate((node as Record<string, { startIndex?: number }>)[meta]?.startIndex);
    const children = ((node[name] as Record<string, unknown>[]) ?? []).flatMap(
      (child) => convert(child) ?? [],
    );
    return { name, attributes, children, ...position };
  };
  let parsed: Record<string, unknown>[];
  try {
    parsed = parser.parse(text) as Record<string, unknown>[];
  } catch (error) {
    // The parser's own guards (external entities, entity expansion limits) refuse the file: say
    // where, at the document type declaration that defines the entities when there is one.
    const doctype = text.search(/<!(DOCTYPE|ENTITY)/);
    const { line, column } = locate(doctype < 0 ? 0 : doctype);
    const reason = error instanceof Error ? error.message : String(error);
    throw geniusFormatError(file, line, column, `the XML parser refused the file: ${reason}`);
  }
  const top = parsed.flatMap((node) => convert(node) ?? []);
  const root = top[0];
  if (!root) throw geniusFormatError(file, 1, 1, 'the file holds no XML element');
  return {
    file,
    root,
    fail(at, message) {
      throw geniusFormatError(file, at.line, at.column, message);
    },
  };
}

export const childrenNamed = (element: XmlElement, name: string) =>
  element.children.filter((c) => c.name === name);

/** A required attribute holding a finite number. */
export function numberAttribute(doc: XmlDocument, element: XmlElement, name: string): number {
  const raw = element.attributes[name];
  if (raw === undefined) doc.fail(element, `<${element.name}> lacks the attribute ${name}`);
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value))
    doc.fail(element, `<${element.name}> attribute ${name}="${raw}" is not a number`);
  return value;
}
