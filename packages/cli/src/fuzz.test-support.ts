import fc from 'fast-check';

/**
 * Generators for the fuzz test (fuzz.test.ts): edits to known-good inputs, so that most generated
 * inputs get past the first parser and reach the deeper checks.
 */

/** One edit of a text; positions are taken modulo its length, so any number fits any text. */
export type Edit =
  | { kind: 'replace' | 'insert'; at: number; token: string }
  | { kind: 'delete-line' | 'duplicate-line' | 'truncate'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'swap-value'; at: number; token: string }
  | { kind: 'nest'; at: number; depth: number; open: string; close: string };

/** Tokens that mean something to YAML, XML or Parley's bracket text, and some that mean nothing. */
const TOKENS = [
  ':',
  '-',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '|',
  '>',
  '&a ',
  '*a',
  '!!binary ',
  '!!str ',
  '? ',
  '#',
  '"',
  "'",
  '\n',
  '\r\n',
  '\t',
  '  ',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  '<',
  '>',
  '/>',
  '</',
  '="',
  '&amp;',
  '&lt;',
  '&#0;',
  '&#x10FFFF;',
  '<!DOCTYPE x [<!ENTITY e "e">]>',
  '<![CDATA[',
  ']]>',
  '@',
  '\u0000',
  '\uFEFF',
  '\uFFFD',
  '\u202E',
  '\uD800',
  'é',
  '北',
  '🕊️',
  'null',
  '~',
  '-1',
  '0',
  '1e309',
  'NaN',
  '.inf',
];

/** Values a scalar can be swapped for: other types, extreme numbers, collections, aliases. */
const VALUES = [
  '1',
  '-1',
  '0',
  '2031',
  '1e9',
  '1e308',
  '-0',
  '.nan',
  '.inf',
  'true',
  'false',
  'null',
  '~',
  '""',
  '"x"',
  "'2031-13-40'",
  '2030-02-30',
  '[]',
  '{}',
  '[a, b]',
  '{a: 1}',
  '[[[]]]',
  '&x 1',
  '*x',
  '*nope',
  '!!binary aGk=',
  '!!timestamp 2031-01-01',
  '|\n  block',
  'north',
  'v1',
  'accord@v1',
  '../x.txt',
  '/etc/hostname',
  'drafts',
  'drafts/v1.txt',
  '"a\\u0000b"',
  "'#'",
  'a: b: c',
];

const editArbitrary = (tokens: string[], values: string[]): fc.Arbitrary<Edit> =>
  fc.oneof(
    fc.record({
      kind: fc.constantFrom('replace' as const, 'insert' as const),
      at: fc.nat(),
      token: fc.oneof(fc.constantFrom(...tokens), fc.string({ unit: 'binary', maxLength: 4 })),
    }),
    fc.record({
      kind: fc.constantFrom('delete-line' as const, 'duplicate-line' as const, 'truncate' as const),
      at: fc.nat(),
    }),
    fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
    fc.record({ kind: fc.constant('swap-value' as const), at: fc.nat(), token: fc.constantFrom(...values) }),
    fc.record({
      kind: fc.constant('nest' as const),
      at: fc.nat(),
      depth: fc.integer({ min: 1, max: 400 }),
      open: fc.constantFrom('[', '{', '- ', '<a>'),
      close: fc.constantFrom(']', '}', '', '</a>'),
    }),
  );

export const yamlEdits = fc.array(editArbitrary(TOKENS, VALUES), { minLength: 1, maxLength: 4 });

const XML_VALUES = [
  '-1',
  '0',
  '1',
  '2',
  '1e308',
  '1e9',
  '100000',
  'NaN',
  '',
  'abc',
  '0.5',
  '-0',
  'Infinity',
  '1e-320',
  'discrete',
  'integer',
  'real',
  'objective',
  'linear',
  'x"',
  '&e;',
  '&lt;',
];
export const xmlEdits = fc.array(editArbitrary(TOKENS, XML_VALUES), { minLength: 1, maxLength: 4 });

/** Applies the edits in turn. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of edits) out = applyEdit(out, edit);
  return out;
}

function applyEdit(text: string, edit: Edit): string {
  const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
  const lines = text.split('\n');
  const line = lines.length === 0 ? 0 : edit.at % lines.length;
  switch (edit.kind) {
    case 'replace':
      return text.slice(0, at) + edit.token + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + edit.token + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'delete-line':
      return lines.filter((_, k) => k !== line).join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 'swap-lines': {
      const other = edit.other % lines.length;
      const swapped = [...lines];
      [swapped[line], swapped[other]] = [lines[other] as string, lines[line] as string];
      return swapped.join('\n');
    }
    case 'swap-value': {
      // One XML `attr="…"` of the chosen line (which one, also from `at`), else the value after its
      // `key: `, else the line's end.
      const target = lines[line] as string;
      const attributes = [...target.matchAll(/="[^"]*"/g)];
      const chosen = attributes[Math.floor(edit.at / lines.length) % Math.max(attributes.length, 1)];
      const swapped = chosen
        ? `${target.slice(0, chosen.index)}="${edit.token}"${target.slice(chosen.index + chosen[0].length)}`
        : /: ./.test(target)
          ? target.replace(/: .*$/, `: ${edit.token}`)
          : `${target} ${edit.token}`;
      return [...lines.slice(0, line), swapped, ...lines.slice(line + 1)].join('\n');
    }
    case 'nest':
      return (
        text.slice(0, at) +
        edit.open.repeat(edit.depth) +
        'x' +
        edit.close.repeat(edit.depth) +
        text.slice(at)
      );
  }
}

/** Pieces of Parley bracket text: brackets, party labels, tags, headings, list markers, unicode. */
const DRAFT_PIECES = [
  '[',
  ']',
  '{',
  '}',
  ' | ',
  '[north: ',
  '{north: ',
  '| south: ',
  '[envoy: ',
  '[xx: ',
  '[^1]',
  '[1]: ',
  '[link](http://x)',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  ' ',
  'the ',
  'flow ',
  'shall ',
  'be ',
  '30',
  '.',
  ',',
  ';',
  '\n# River Accord\n',
  '\n## Article 1 Flow\n',
  '\n### Section\n',
  '\n1. ',
  '\n(a) ',
  '\n- ',
  '\n@issues: flow\n',
  '\n@issues: nope\n',
  '\n@sources: report-a\n',
  '\n@sources: x\n',
  '\n@status: agreed\n',
  '\n@status: what\n',
  '\n@reconstruction: true\n',
  '\n@id: art-1\n',
  '\n@note: n\n',
  '\n@reconstruction\n',
  '\n---\ntitle: T\n---\n',
  '\n{: .class}\n',
  '@',
  '#',
  'é',
  'ß',
  '北京',
  'العربية',
  '🕊️',
  '\u200B',
  '\u202E',
  '\uFEFF',
  '\u0000',
  '\uFFFD',
  '\\[',
  '\\',
  '*',
  '_',
  '`',
  '<b>',
  '&amp;',
  '<![CDATA[',
];

export const draftText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...DRAFT_PIECES) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.integer({ min: 1, max: 200 }), fc.constantFrom('[', '{', '[north: ', '{south: '))
          .map(([depth, open]) => open.repeat(depth)),
      },
    ),
    { maxLength: 60 },
  )
  .map((pieces) => pieces.join(''));

/** A small GENIUS domain (one discrete issue, one integer issue) and two profiles of it. */
export const geniusDomain = `<negotiation_template>
<utility_space number_of_issues="2">
<objective index="0" name="Toy" type="objective" etype="objective">
<issue index="1" name="Colour" vtype="discrete" type="discrete" etype="discrete">
<item index="1" value="red"/>
<item index="2" value="blue"/>
</issue>
<issue index="2" name="Price" lowerbound="10" upperbound="12" vtype="integer" type="integer" etype="integer"/>
</objective>
</utility_space>
</negotiation_template>
`;

export const geniusProfile = (red: number, blue: number, w1: number, w2: number): string => `<utility_space>
<objective index="0" name="Toy" type="objective" etype="objective">
<issue index="1" name="Colour" type="discrete">
<item index="1" value="red" evaluation="${red}"/>
<item index="2" value="blue" evaluation="${blue}"/>
</issue>
<issue index="2" name="Price" lowerbound="10" upperbound="12" type="integer">
<evaluator ftype="linear" offset="1.0" slope="-0.5"/>
</issue>
<weight index="1" value="${w1}"/>
<weight index="2" value="${w2}"/>
</objective>
<discount_factor value="0.9"/>
<reservation value="0.25"/>
</utility_space>
`;
