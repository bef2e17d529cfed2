import { TextDecoder } from "node:util";

const charsetParam = /;\s*charset\s*=\s*["']?([\w.:-]+)/i;
const prologEncoding = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/;

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return undefined;
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/**
 * Turns a feed's bytes into text. A byte order mark wins, then the Content-Type charset, then the
 * XML prolog's encoding (RFC 7303's order), and UTF-8 when none of them names a known encoding.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): string {
  // The prolog is ASCII in every encoding a feed uses without a BOM, so latin1 reads it safely.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString(
    "latin1",
  );
  const decoder =
    decoderFor(bomEncoding(bytes)) ??
    decoderFor(contentType ? charsetParam.exec(contentType)?.[1] : undefined) ??
    decoderFor(prologEncoding.exec(head)?.[1]) ??
    new TextDecoder("utf-8");
  return decoder.decode(bytes);
}
