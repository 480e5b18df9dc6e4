import path from "node:path";

/** Where a project's setup keeps a role's signed-in browser state (Playwright's storageState). */
export const sessionFile = (dataDir: string, role: string): string => path.join(`${dataDir}-sessions`, `${role}.json`);

/** A browser with no session at all: for the sign-in form and the specs that end their own session. */
export const SIGNED_OUT = { cookies: [], origins: [] };
