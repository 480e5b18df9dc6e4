import fs from "node:fs";
import path from "node:path";

// PGlite is a single-process database: a second process on the same folder silently loses
// writes, and two initialising it at once corrupt it. A lock file holding our pid keeps the
// second one out with a message that says who holds the folder.

export class EmbeddedDatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
    readonly holderCommand: string,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${holderPid} (${holderCommand}). ` +
        `PGlite allows one process at a time: stop that process, point PARLEY_DATA_DIR at another folder, ` +
        `or set DATABASE_URL to use PostgreSQL, which any number of processes can share.`,
    );
    this.name = "EmbeddedDatabaseLockedError";
  }
}

type LockInfo = { pid: number; command: string; startedAt: string; procStart?: string | null };

/** The kernel's start time of a process (field 22 of /proc/PID/stat), or null off Linux. */
function procStartOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, "utf8")) as LockInfo;
    return typeof info.pid === "number" ? info : null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockInfo): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // A pid recycled by an unrelated process since the holder died has another start time.
  // (Not the command line: Next renames its process title.)
  const now = procStartOf(holder.pid);
  return !holder.procStart || !now || holder.procStart === now;
}

const held = new Set<string>();

export function acquireEmbeddedLock(dataDir: string): void {
  const file = path.join(dataDir, "pglite.lock");
  if (held.has(file)) return;
  fs.mkdirSync(dataDir, { recursive: true });
  const mine: LockInfo = {
    pid: process.pid,
    command: process.argv.slice(1, 3).join(" "),
    startedAt: new Date().toISOString(),
    procStart: procStartOf(process.pid),
  };

  for (let attempt = 0; attempt < 5; attempt++) {
    const tmp = `${file}.${process.pid}.${attempt}`;
    fs.writeFileSync(tmp, JSON.stringify(mine));
    try {
      // link() fails if the lock exists: taking it is atomic.
      fs.linkSync(tmp, file);
      fs.unlinkSync(tmp);
      held.add(file);
      process.once("exit", () => releaseEmbeddedLock(dataDir));
      return;
    } catch (err) {
      fs.unlinkSync(tmp);
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const holder = readLock(file);
    if (holder && holder.pid === process.pid) {
      held.add(file);
      return;
    }
    if (holder && isAlive(holder)) throw new EmbeddedDatabaseLockedError(dataDir, holder.pid, holder.command);
    // The holder is gone (crashed or killed): move its lock aside and try again. Renaming
    // is atomic, so of two processes taking over at once only one moves the stale file.
    const stale = `${file}.stale.${process.pid}`;
    try {
      fs.renameSync(file, stale);
      const moved = readLock(stale);
      if (moved && moved.pid !== holder?.pid && isAlive(moved)) {
        // We raced and moved a live lock: put it back and yield.
        fs.renameSync(stale, file);
        throw new EmbeddedDatabaseLockedError(dataDir, moved.pid, moved.command);
      }
      fs.rmSync(stale, { force: true });
    } catch (err) {
      if (err instanceof EmbeddedDatabaseLockedError) throw err;
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
  throw new Error(`Could not take the embedded database lock in ${dataDir}`);
}

export function releaseEmbeddedLock(dataDir: string): void {
  const file = path.join(dataDir, "pglite.lock");
  if (!held.delete(file)) return;
  if (readLock(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}
