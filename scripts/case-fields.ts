// Writes docs/case-fields.md, the field reference of every case file, from the zod schemas in
// packages/model/src/schema (through zod's JSON Schema), so the reference cannot drift from what
// `parley validate` checks. Run with `npm run docs:fields`; scripts/case-fields.test.ts fails when
// the committed file differs from what this script writes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { caseFileSchemas } from '@parley/model/schema/case-files.ts';

// A JSON Schema node as zod writes it: only the keywords this reference reads.
interface Node {
  type?: string | string[];
  description?: string;
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  items?: Node | false;
  prefixItems?: Node[];
  properties?: Record<string, Node>;
  required?: string[];
  propertyNames?: Node;
  additionalProperties?: Node | boolean;
  anyOf?: Node[];
}

interface Row {
  field: string;
  type: string;
  required: string;
  allowed: string;
  description: string;
}

interface Section {
  /** The record's path inside its file: `actors[]`, `instruments[].consultation`. */
  title: string;
  description?: string;
  rows: Row[];
}

const RECORD_ID = '^[a-z0-9][a-z0-9-]*$';
const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

/** Renders one file's schema as sections, the file's top level first. */
function fileSections(file: string, root: Node): Section[] {
  const sections: Section[] = [];
  objectSection(root, file, '', sections);
  return sections;
}

function objectSection(node: Node, title: string, at: string, sections: Section[]): void {
  const section: Section = { title, description: node.description, rows: [] };
  sections.push(section);
  const required = new Set(node.required ?? []);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const childAt = at === '' ? key : `${at}.${key}`;
    section.rows.push({
      field: code(key),
      type: typeOf(child, childAt, sections),
      required: required.has(key)
        ? 'yes'
        : child.default !== undefined
          ? `no (default ${code(JSON.stringify(child.default))})`
          : 'no',
      allowed: allowedOf(child),
      description: cell(descriptionOf(child)),
    });
  }
}

/** A node's own description, or else that of the values it wraps (a list's items). */
function descriptionOf(node: Node): string {
  // The generic description of every date says no more than its type.
  if (node.description?.startsWith('EDTF date:')) return '';
  if (node.description) return node.description;
  if (node.items && typeof node.items === 'object' && node.items.description && !node.items.properties)
    return node.items.description;
  return '';
}

/** The type of a value in words; objects get their own section and are named by path. */
function typeOf(node: Node, at: string, sections: Section[]): string {
  if (node.anyOf) {
    const objects = node.anyOf.filter((n) => n.properties);
    if (objects.length > 1) {
      objects.forEach((n, k) => objectSection(n, `${at} (form ${k + 1})`, at, sections));
      return `one of ${objects.length} forms, see ${objects.map((_, k) => code(`${at} (form ${k + 1})`)).join(', ')}`;
    }
    return node.anyOf.map((n) => typeOf(n, at, sections)).join(' or ');
  }
  if (Array.isArray(node.type))
    return node.type.map((type) => typeOf({ ...node, type }, at, sections)).join(' or ');
  if (node.const !== undefined) return code(JSON.stringify(node.const));
  if (node.enum) return 'one of the values allowed';
  switch (node.type) {
    case 'string':
      if (node.pattern === RECORD_ID) return 'id';
      if (node.pattern?.startsWith('^(\\.\\.|\\d{4}')) return 'EDTF date';
      if (node.format === 'uri') return 'URL';
      return 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return '`true` or `false`';
    case 'array': {
      if (node.prefixItems) return `[${node.prefixItems.map((n) => typeOf(n, at, sections)).join(', ')}]`;
      const items = node.items && typeof node.items === 'object' ? node.items : {};
      if (items.properties) {
        objectSection(items, `${at}[]`, `${at}[]`, sections);
        return `list of records, see ${code(`${at}[]`)}`;
      }
      return `list of ${plural(typeOf(items, `${at}[]`, sections))}`;
    }
    case 'object': {
      if (node.properties) {
        objectSection(node, at, at, sections);
        return `record, see ${code(at)}`;
      }
      const keys = node.propertyNames?.pattern === RECORD_ID ? 'id' : 'text';
      const valueNode = typeof node.additionalProperties === 'object' ? node.additionalProperties : {};
      const key = keys === 'id' ? '<id>' : '<key>';
      const value = typeOf(valueNode, `${at}.${key}`, sections);
      const bounds = allowedOf(valueNode);
      return `map from ${keys} to ${value}${bounds ? ` (${bounds})` : ''}`;
    }
    default:
      return 'any';
  }
}

function plural(type: string): string {
  if (type === 'id') return 'ids';
  if (type === 'text') return 'texts';
  if (type === 'number') return 'numbers';
  if (type === 'one of the values allowed') return 'values allowed';
  if (type.startsWith('[')) return `pairs ${type}`;
  return type;
}

/** Allowed values and bounds, in words. */
function allowedOf(node: Node): string {
  const parts: string[] = [];
  if (node.enum) parts.push(node.enum.map((v) => code(String(v))).join(', '));
  if (node.minLength !== undefined && node.minLength > 1) parts.push(`at least ${node.minLength} characters`);
  if (
    node.type === 'string' &&
    node.pattern &&
    node.pattern !== RECORD_ID &&
    !node.pattern.startsWith('^(\\.\\.')
  )
    parts.push(`matches ${code(node.pattern)}`);
  if (node.minimum !== undefined) parts.push(`≥ ${node.minimum}`);
  if (node.exclusiveMinimum !== undefined) parts.push(`> ${node.exclusiveMinimum}`);
  if (node.maximum !== undefined && node.maximum !== Number.MAX_SAFE_INTEGER) parts.push(`≤ ${node.maximum}`);
  if (node.exclusiveMaximum !== undefined) parts.push(`< ${node.exclusiveMaximum}`);
  if (node.type === 'array' && !node.prefixItems) {
    if (node.minItems !== undefined && node.minItems > 0)
      parts.push(`at least ${node.minItems} item${node.minItems === 1 ? '' : 's'}`);
    if (node.maxItems !== undefined) parts.push(`at most ${node.maxItems} items`);
    const items = node.items && typeof node.items === 'object' ? node.items : undefined;
    if (items && !items.properties) {
      const inner = allowedOf(items);
      if (inner) parts.push(`each: ${inner}`);
    }
  }
  return parts.join('; ');
}

function table(rows: Row[]): string[] {
  const lines = [
    '| field | type | required | allowed values | description |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of rows)
    lines.push(`| ${r.field} | ${cell(r.type)} | ${r.required} | ${cell(r.allowed)} | ${r.description} |`);
  return lines;
}

/** The whole reference, as committed in docs/case-fields.md. */
export function caseFieldsMarkdown(): string {
  const out: string[] = [
    '# Case file fields',
    '',
    '<!-- Generated by `npm run docs:fields` (scripts/case-fields.ts) from the zod schemas in',
    'packages/model/src/schema. Do not edit by hand: a test fails when this file and the schemas differ. -->',
    '',
    'Every file of a case folder, every record in it and every field of each record: its type, whether',
    'it is required, the values it allows and what it means. Generated from the same schemas',
    '`parley validate` checks, so it cannot drift from them. [The case format](case-format.md) gives',
    'the rules across records (references, dates, facts and assumptions); [your first',
    'case](first-case.md) walks through a small example written by `parley init`.',
    '',
    'Types: **id** is a kebab-case id (lower-case letters, digits and `-`, starting with a letter or',
    'digit), unique per kind of record; **EDTF date** is a date at its real precision (see',
    '[Dates](case-format.md#dates) for the forms accepted); **record** is a nested mapping whose',
    'fields are listed in its own table. A field not listed is an error (`unknown field`).',
    '',
    'Files: ' +
      Object.keys(caseFileSchemas)
        .map((f) => `[${code(f)}](#${f.replace('.', '')})`)
        .join(', ') +
      '.',
    '',
  ];
  for (const [file, schema] of Object.entries(caseFileSchemas)) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Node;
    out.push(`## ${file}`, '');
    for (const section of fileSections(file, json)) {
      if (section.title !== file) out.push(`### ${code(section.title)}`, '');
      if (section.description) out.push(cell(section.description), '');
      out.push(...table(section.rows), '');
    }
  }
  return out.join('\n');
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const caseFieldsPath = path.join(repoRoot, 'docs', 'case-fields.md');

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  writeFileSync(caseFieldsPath, caseFieldsMarkdown());
  console.log(`wrote ${path.relative(process.cwd(), caseFieldsPath)}`);
}
