import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

// What the database must keep but never hold in clear (a stored API answer carrying a secret
// shown once) is sealed: AES-256-GCM under a key derived from AUTH_SECRET with HKDF-SHA256, one
// key per purpose. A reader of the database, a backup or a replica learns nothing from it; a
// sealed value copied into another row does not open, because its context (the row's identity)
// is bound to it as associated data.

const VERSION = "v1";
const IV_BYTES = 12;
const derived = new Map<string, Buffer>();

function keyFor(purpose: string): Buffer {
  const secret = authSecret();
  const id = `${purpose}\n${secret}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "parley-seal", `parley/${purpose}/${VERSION}`, 32));
    derived.set(id, key);
  }
  return key;
}

/** Raised when a sealed value does not open: another AUTH_SECRET, another context, or tampering. */
export class UnsealError extends Error {
  constructor() {
    super("sealed value does not open with this AUTH_SECRET and context");
    this.name = "UnsealError";
  }
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url; a fresh IV each time, so equal inputs differ. */
export function seal(purpose: string, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function unseal(purpose: string, sealed: string, context: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || data === undefined) throw new UnsealError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), Buffer.from(iv, "base64url"), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnsealError();
  }
}
