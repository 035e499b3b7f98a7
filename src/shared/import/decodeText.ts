/**
 * Turns the bytes of a .csv or .txt file into text. Chinese Excel saves "CSV" in the ANSI code page
 * (GB18030's subset GBK) without a BOM, WPS and newer Excel save UTF-8 with a BOM, and "Unicode text" is
 * UTF-16LE with a BOM, so: a BOM decides; otherwise valid UTF-8 is UTF-8; otherwise GB18030.
 */

type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

export function decodeTextBytes(bytes: Uint8Array): DecodedText | undefined {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeWith('utf-8', bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  return decodeWith('utf-8', bytes) ?? decodeWith('gb18030', bytes);
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array): DecodedText | undefined {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    // NUL never appears in a real text table; it means a binary file that happened to decode.
    return text.includes('\u0000') ? undefined : { text, encoding };
  } catch {
    return undefined;
  }
}
