import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import { parseXmlDocument } from './xml-document.ts';

function failure(text: string): string {
  try {
    parseXmlDocument(text, 'hostile.xml');
  } catch (error) {
    if (isParleyError(error, 'invalid-genius')) return error.message;
    throw error;
  }
  return 'parsed';
}

describe('parseXmlDocument on hostile files', () => {
  it('refuses an external entity (XXE) with the file and the line of its declaration', () => {
    const text = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>',
      '<utility_space><item value="&xxe;"/></utility_space>',
    ].join('\n');
    expect(failure(text)).toBe(
      'hostile.xml:2:1: the XML parser refused the file: External entities are not supported',
    );
  });

  it('refuses elements nested 1,000 deep with the file, not as an internal error', () => {
    expect(failure(`${'<a>'.repeat(1000)}${'</a>'.repeat(1000)}`)).toBe(
      'hostile.xml:1:1: the XML parser refused the file: Maximum nested tags exceeded',
    );
  });

  it('reads a file without a document type declaration', () => {
    expect(failure('<utility_space><objective/></utility_space>')).toBe('parsed');
  });
});
