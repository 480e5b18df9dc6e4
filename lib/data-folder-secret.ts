import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

export type DataFolderSecret = "auth-secret" | "agent-secret";

export function dataFolderSecretPath(name: DataFolderSecret): string {
  return path.resolve(env().PARLEY_DATA_DIR, name);
}

/**
 * A secret generated once and kept in a file under the data folder, so a development setup
 * works without anyone inventing secrets and keeps working across restarts. Every process on
 * the same folder (the app, the CLI) reads the same value.
 */
export function dataFolderSecret(name: DataFolderSecret): string {
  const file = dataFolderSecretPath(name);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return fs.readFileSync(file, "utf8").trim();
    }
  }
}
