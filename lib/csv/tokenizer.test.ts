import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './tokenizer';

type Event = [kind: string, line: number, detail: unknown];

function tokenize(chunks: string[]): Event[] {
  const events: Event[] = [];
  const tokenizer = new CsvTokenizer({
    record: (line, fields) => events.push(['record', line, fields]),
    badRecord: (line, fieldIndex) => events.push(['bad', line, fieldIndex]),
    fatal: (line, fieldIndex) => events.push(['fatal', line, fieldIndex]),
  });
  for (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.end();
  return events;
}

describe('CsvTokenizer', () => {
  it('reports each record with the line it starts on, blank lines included', () => {
    expect(tokenize(['a,b\r\n\r\n"c\r\nd",e\n\rf'])).toEqual([
      ['record', 1, ['a', 'b']],
      ['record', 2, ['']],
      ['record', 3, ['c\r\nd', 'e']],
      ['record', 5, ['']],
      ['record', 6, ['f']],
    ]);
  });

  it('keeps a trailing empty field and emits nothing for a final line break', () => {
    expect(tokenize(['a,\n'])).toEqual([['record', 1, ['a', '']]]);
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(tokenize(['12" pipe,x'])).toEqual([['record', 1, ['12" pipe', 'x']]]);
  });

  it('treats a CRLF split across chunks as one line break', () => {
    expect(tokenize(['a\r', '\nb\r', '', '\n"c\r', '\nd"'])).toEqual([
      ['record', 1, ['a']],
      ['record', 2, ['b']],
      ['record', 3, ['c\r\nd']],
    ]);
  });

  it('stops at the first NUL and reports its line', () => {
    expect(tokenize(['a\nb\u0000\nc\n', 'd\n'])).toEqual([['record', 1, ['a']], ['fatal', 2, null]]);
  });

  it('gives the same records however the text is split into chunks', () => {
    const piece = fc.constantFrom('a', 'bc', ',', '"', '""', '\n', '\r', '\r\n', ' ', '\u0000', '\uFEFF', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 10 }), (pieces, cuts) => {
        const text = pieces.join('');
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length));
        expect(tokenize(chunks)).toEqual(tokenize([text]));
      }),
      { numRuns: 500 },
    );
  });
});
