import fs from "node:fs";
import path from "node:path";

export const API_DATA_DIR = process.env.E2E_API_DATA_DIR ?? ".data/e2e-api";
export const API_PORT = Number(process.env.E2E_API_PORT ?? 3211);
export const API_BASE_URL = `http://127.0.0.1:${API_PORT}`;

/** Logins the API project's server was prepared with, besides the demo owner. */
export const VIEWER = { email: "viewer@parley.localhost", password: "parley-viewer" };
export const OUTSIDER = { email: "outsider@other.localhost", password: "parley-outsider" };

/** The key the API project's server was prepared with. */
export function apiKey(): string {
  return JSON.parse(fs.readFileSync(path.join(API_DATA_DIR, "e2e-credentials.json"), "utf8")).apiKey;
}
