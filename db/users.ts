import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, ts, updatedAt } from "./columns";

// Shaped for @auth/drizzle-adapter (id, name, email, emailVerified, image) plus a password hash
// for the console's credentials sign-in.
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    name: text("name"),
    email: text("email").notNull(),
    emailVerified: ts("email_verified"),
    image: text("image"),
    passwordHash: text("password_hash"),
    // The console language the user chose ("en", "fr"); null: follow the browser.
    locale: text("locale"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Sign-in looks a user up by e-mail; e-mails are stored lower-cased.
    uniqueIndex("users_email_key").on(t.email),
  ],
);

export type User = typeof users.$inferSelect;
