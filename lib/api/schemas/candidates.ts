import { z } from "zod";
import { idOf, optionalText, paginationQuery, timestamp } from "./common";

// language[-Script][-REGION], as BCP 47 writes it ("en", "fr-CA", "zh-Hant-TW"); stored in
// canonical case so filters and the voice agent see one spelling.
const LOCALE = /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?$/;

export const localeSchema = z
  .string()
  .trim()
  .regex(LOCALE, 'must be a BCP 47 language tag such as "en", "fr" or "fr-CA"')
  .transform((v) => Intl.getCanonicalLocales(v)[0]!)
  .describe("BCP 47 language tag of the interview language")
  .meta({ example: "fr-CA" });

export const emailSchema = z
  .email()
  .max(254)
  .transform((v) => v.toLowerCase())
  .describe("E-mail address; stored and matched in lower case")
  .meta({ example: "ada.lovelace@example.com" });

export const externalIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe("Your system's id for this object; unique within the organisation")
  .meta({ example: "ats-48213" });

const name = (example: string) => z.string().trim().min(1).max(100).meta({ example });

export const createCandidateBody = z.object({
  firstName: name("Ada"),
  lastName: name("Lovelace"),
  email: emailSchema,
  phone: optionalText(40)
    .refine((v) => v === null || /^\+?[0-9 ().-]{4,40}$/.test(v), "must be a phone number: digits, spaces, ( ) . - and an optional leading +")
    .describe("Phone number, preferably E.164")
    .meta({ example: "+33 6 12 34 56 78" }),
  locale: localeSchema.default("en"),
  externalId: externalIdSchema.nullish().transform((v) => v ?? null),
});

/** A partial update: only the fields sent change; `null` clears an optional one. */
export const updateCandidateBody = z.object({
  firstName: createCandidateBody.shape.firstName.optional(),
  lastName: createCandidateBody.shape.lastName.optional(),
  email: emailSchema.optional(),
  phone: createCandidateBody.shape.phone.optional(),
  locale: localeSchema.optional(),
  externalId: externalIdSchema.nullable().optional(),
});

export const candidateListQuery = paginationQuery.extend({
  email: emailSchema.optional().describe("Only candidates with this e-mail address (case-insensitive)"),
  externalId: externalIdSchema.optional().describe("Only the candidate with this external id"),
});

export const candidateSchema = z.object({
  id: idOf("candidate", "cand_3nX8kQ2pLw9vR4tY7mB1cZ"),
  firstName: z.string().meta({ example: "Ada" }),
  lastName: z.string().meta({ example: "Lovelace" }),
  email: z.string().meta({ example: "ada.lovelace@example.com" }),
  phone: z.string().nullable(),
  locale: z.string().meta({ example: "en" }),
  externalId: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type CreateCandidateInput = z.output<typeof createCandidateBody>;
export type UpdateCandidateInput = z.output<typeof updateCandidateBody>;
export type CandidateListQuery = z.output<typeof candidateListQuery>;
export type CandidateResource = z.infer<typeof candidateSchema>;
