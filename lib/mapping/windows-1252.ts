/**
 * Windows-1252 decoding that does not depend on the Node version. Node 20.18.3+ (and
 * 22.13+) decode "windows-1252" as Latin-1 unless streaming (nodejs/node#56542, #60888),
 * turning "€", curly quotes and dashes (bytes 0x80–0x9F) into invisible control
 * characters. The fix is a fixed 32-entry table, so it is applied after any decoder.
 */

// WHATWG Encoding Standard, bytes 0x80–0x9F; the five unassigned bytes keep their C1 code.
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));
const C1_RE = /[\u0080-\u009f]/g;

/** The part of `TextDecoder` the import stream uses. */
export interface StreamDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

export function windows1252Decoder(): StreamDecoder {
  // Every byte is one character, so chunks never split one and streaming holds nothing back.
  const decoder = new TextDecoder('windows-1252');
  return {
    decode(input, options) {
      return decoder.decode(input, options).replace(C1_RE, (c) => HIGH[c.charCodeAt(0) - 0x80] as string);
    },
  };
}
