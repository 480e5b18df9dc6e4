import { dataFolderSecret } from "@/lib/data-folder-secret";
import { env } from "@/lib/env";

/**
 * AUTH_SECRET signs console sessions. Production must set it (the environment check refuses to
 * start without it); a development run generates one once and keeps it under the data folder,
 * so sessions survive restarts without anyone having to invent a secret.
 */
export function authSecret(): string {
  return env().AUTH_SECRET ?? dataFolderSecret("auth-secret");
}
