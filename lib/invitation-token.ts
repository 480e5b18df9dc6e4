import { randomBytes } from "node:crypto";
import { sha256Hex } from "./auth/api-key-format";

/** 32 random bytes for the candidate's link; only the hash is stored. */
export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: sha256Hex(token) };
}

export const hashInvitationToken = (token: string) => sha256Hex(token);
