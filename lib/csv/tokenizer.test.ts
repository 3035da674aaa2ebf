import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type CsvDelimiter } from './tokenizer';

type Event = [kind: string, line: number, detail: unknown];

function tokenize(chunks: string[], delimiter?: CsvDelimiter): Event[] {
  const events: Event[] = [];
  const tokenizer = new CsvTokenizer(
    {
      record: (line, fields) => events.push(['record', line, fields]),
      badRecord: (line, fieldIndex) => events.push(['bad', line, fieldIndex]),
      fatal: (line, fieldIndex) => events.push(['fatal', line, fieldIndex]),
    },
    delimiter === undefined ? undefined : { delimiter },
  );
  for (const chunk of chunks) tokenizer.push(chunk);
  tokenizer.end();
  return events;
}

/**
 * A deliberately simple reading of the same conventions, character by character over the
 * whole text, to check the tokenizer's chunked, slicing fast paths against.
 */
function oracle(input: string, d: string): Event[] {
  const events: Event[] = [];
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const isBreak = (c: string | undefined) => c === '\r' || c === '\n';
  const unreadable = (c: string | undefined) => c === '\u0000' || c === '\uFFFD';
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let bad: number | null = null;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          const c = text[i];
          if (c === undefined) return [...events, ['fatal', quoteLine, fields.length]];
          if (unreadable(c)) return [...events, ['fatal', line, null]];
          i++;
          if (c === '"') {
            if (text[i] !== '"') break;
            i++;
          } else if (isBreak(c)) {
            line++;
            field += c;
            if (c === '\r' && text[i] === '\n') field += text[i++];
            continue;
          }
          field += c;
        }
        if (i < text.length && text[i] !== d && !isBreak(text[i])) bad ??= fields.length;
      }
      while (i < text.length && text[i] !== d && !isBreak(text[i])) {
        if (unreadable(text[i])) return [...events, ['fatal', line, null]];
        field += text[i++];
      }
      fields.push(field);
      if (text[i] !== d) break;
      i++;
    }
    if (isBreak(text[i])) {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    }
    events.push(bad === null ? ['record', start, fields] : ['bad', start, bad]);
  }
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

  it('splits on a semicolon instead of a comma when told to, commas becoming text', () => {
    expect(tokenize(['Menge;Preis\r\n1,5;"2;5"\r\n'], ';')).toEqual([
      ['record', 1, ['Menge', 'Preis']],
      ['record', 2, ['1,5', '2;5']],
    ]);
  });

  it('splits on tabs, keeping tabs inside quotes', () => {
    expect(tokenize(['a\tb,c\t"d\te"\n\t\n'], '\t')).toEqual([
      ['record', 1, ['a', 'b,c', 'd\te']],
      ['record', 2, ['', '']],
    ]);
  });

  it('still refuses text after a closing quote with another delimiter', () => {
    expect(tokenize(['"a"b;c\nd;e'], ';')).toEqual([
      ['bad', 1, 0],
      ['record', 2, ['d', 'e']],
    ]);
  });

  it('reads everything before an unreadable character in the same chunk, then stops', () => {
    expect(tokenize(['a,"b\nc",d\ne,\uFFFDf\ng\n'])).toEqual([['record', 1, ['a', 'b\nc', 'd']], ['fatal', 3, null]]);
  });

  it('agrees with a character-by-character reference reading on any text', () => {
    const piece = fc.constantFrom('a', 'bc', 'plain text', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', ' ', '\u0000', '\uFFFD', '\uFEFF', 'é');
    const delimiter = fc.constantFrom<CsvDelimiter>(',', ';', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), delimiter, (pieces, d) => {
        const text = pieces.join('');
        expect(tokenize([text], d)).toEqual(oracle(text, d));
      }),
      { numRuns: 1_000 },
    );
  });

  it('gives the same records however the text is split into chunks, for every delimiter', () => {
    const piece = fc.constantFrom('a', 'bc', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', ' ', '\u0000', '\uFEFF', 'é');
    const delimiter = fc.constantFrom<CsvDelimiter>(',', ';', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 10 }), delimiter, (pieces, cuts, d) => {
        const text = pieces.join('');
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length));
        expect(tokenize(chunks, d)).toEqual(tokenize([text], d));
      }),
      { numRuns: 300 },
    );
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
