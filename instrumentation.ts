// Next calls register() once per server process before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this file too; start-up work (and the background worker) belongs to a
  // running server only.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { installFrameworkGuard } = await import("./lib/http/framework-guard");
  installFrameworkGuard();
  const { startApp } = await import("./lib/startup");
  await startApp();
}
