import { randomBytes } from "node:crypto";

const ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Eight characters from 40 random bits: short enough for custom ids, unique in practice. */
export function newRequestId(): string {
  let bits = randomBytes(5).readUIntBE(0, 5);
  let id = "";
  for (let i = 0; i < 8; i++) {
    id = (ID_ALPHABET[bits % 32] ?? "") + id;
    bits = Math.floor(bits / 32);
  }
  return id;
}
