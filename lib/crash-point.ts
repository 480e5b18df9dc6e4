/**
 * Test-only: kills this process on the spot at a named point, so a test can prove that a crash
 * there cannot double a side effect. Inert unless NODE_ENV is "test" and PARLEY_CRASH_AT names
 * the point (production builds inline NODE_ENV, so the check compiles away).
 */
export function crashPoint(name: string): void {
  if (process.env.NODE_ENV === "test" && process.env.PARLEY_CRASH_AT === name) process.kill(process.pid, "SIGKILL");
}
