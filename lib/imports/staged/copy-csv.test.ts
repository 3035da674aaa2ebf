import { describe, expect, it } from 'vitest';
import { copyLine } from './copy-csv';

describe('copyLine', () => {
  it('keeps NULL and empty text apart, and quotes separators, quotes and backslashes', () => {
    expect(copyLine(1, [null, '', 'a,b', 'say "hi"', '\\.', 'x\ny'])).toBe('1,,"","a,b","say ""hi""","\\.","x\ny"\n');
  });
});
