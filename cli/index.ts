import { closeDatabase, setEmbeddedOptions } from "@/lib/db/client";
import { main } from "./main";

// Operators' and scripts' entry point: `npm run --silent cli -- <command> [--flags]`.
// Every command prints one JSON object on stdout; errors go to stderr with a non-zero exit.
// One command, then exit: PGlite's default 128MB buffer pool costs almost a second of CPU to set
// up and this process touches a few pages (package.json's --liftoff-only saves as much again:
// V8 does not optimise the database's WebAssembly for a process that lives a second or two).
setEmbeddedOptions({ sharedBuffers: "16MB" });
main(process.argv.slice(2)).then(async (code) => {
  await closeDatabase().catch(() => {});
  process.exit(code);
});
