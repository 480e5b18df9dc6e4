import { getDb } from "@/lib/db/client";
import { generateScaleData } from "@/lib/seed/scale-data";
import { optional, required, UsageError } from "../args";
import type { Run } from "../command";

const number = (flag: string, value: string | undefined, { min, max, integer }: { min: number; max: number; integer: boolean }) => {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[_,]/g, ""));
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) throw new UsageError(`--${flag} must be ${integer ? "a whole number" : "a number"} from ${min} to ${max}.`);
  return n;
};

/** Bulk data for benchmarks: `dev scale-data --interviews N` (lib/seed/scale-data.ts). */
export const scaleDataCommand: Run = async (flags) => {
  const interviews = number("interviews", required(flags, "interviews"), { min: 1, max: 100_000_000, integer: true })!;
  return generateScaleData(await getDb(), {
    interviews,
    largestShare: number("largest-share", optional(flags, "largest-share"), { min: 0.0001, max: 1, integer: false }),
    otherOrganizations: number("organizations", optional(flags, "organizations"), { min: 1, max: 100_000, integer: true }),
    days: number("days", optional(flags, "days"), { min: 8, max: 36_500, integer: true }),
  });
};
