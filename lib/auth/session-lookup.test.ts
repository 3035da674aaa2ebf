import { serializeSignedCookie } from 'better-call';
import { describe, expect, it } from 'vitest';
import { readCookie, verifiedToken } from './session-lookup';

const NAME = 'better-auth.session_token';
const SECRET = 'a-test-secret-of-some-length-0123456789';

describe('the signed session cookie', () => {
  it('gives back the token better-call signed, and nothing for another secret or a changed token', async () => {
    const header = `theme=dark; ${(await serializeSignedCookie(NAME, 'tok-123', SECRET)).split(';')[0]}`;
    const value = readCookie(header, NAME)!;
    expect(verifiedToken(value, SECRET)).toBe('tok-123');
    expect(verifiedToken(value, 'another-secret-entirely-0123456789')).toBeNull();
    expect(verifiedToken(value.replace('tok-123', 'tok-124'), SECRET)).toBeNull();
    expect(verifiedToken('tok-123', SECRET)).toBeNull();
    expect(readCookie('a=1; b=2', NAME)).toBeNull();
    expect(readCookie(null, NAME)).toBeNull();
  });
});
