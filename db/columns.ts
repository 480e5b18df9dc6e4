import { timestamp } from "drizzle-orm/pg-core";

// Every timestamp is timestamptz and surfaces as a JS Date, so the API can always emit UTC ISO 8601.
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => ts("created_at").notNull().defaultNow();
export const updatedAt = () =>
  ts("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
