"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { createCandidateAction, updateCandidateAction } from "@/app/(console)/candidates/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input, NativeSelect } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { fieldMessages } from "@/lib/console/field-messages";

export type CandidateFields = { firstName: string; lastName: string; email: string; phone: string; locale: string; externalId: string };
const EMPTY: CandidateFields = { firstName: "", lastName: "", email: "", phone: "", locale: "en", externalId: "" };
const LANGUAGES = [
  { value: "en", label: "English" },
  { value: "fr", label: "Français" },
];

const orNull = (v: string) => (v.trim() ? v : null);

/**
 * Creates a candidate (then opens their page) or edits one. Field errors come from the server,
 * from the same zod schemas as the API, and show beside their fields.
 */
export function CandidateForm({ candidateId, initial = EMPTY }: { candidateId?: string; initial?: CandidateFields }) {
  const t = useTranslations("candidates");
  const id = useId();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();
  // A language set through the API (fr-CA, de…) stays choosable as it is.
  const languages = LANGUAGES.some((l) => l.value === initial.locale) ? LANGUAGES : [...LANGUAGES, { value: initial.locale, label: initial.locale }];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const body = { ...values, phone: orNull(values.phone), externalId: orNull(values.externalId) };
      const result = candidateId ? await updateCandidateAction(candidateId, body) : await createCandidateAction(body);
      if (!result.ok) {
        const byField = fieldMessages(result.error);
        setErrors(byField);
        return void (Object.keys(byField).length ? undefined : toast.error(result.error.message));
      }
      setErrors({});
      toast.success(t(candidateId ? "saved" : "created"));
      if (candidateId) router.refresh();
      else router.push(`/candidates/${result.data.id}`);
    });
  };

  const field = (name: keyof CandidateFields) => ({
    id: `${id}-${name}`,
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues({ ...values, [name]: e.target.value }),
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
  });

  return (
    <form onSubmit={submit} noValidate className="grid max-w-2xl gap-6" aria-label={t(candidateId ? "editTitle" : "newTitle")} data-testid="candidate-form">
      <Card>
        <CardContent className="grid gap-4 pt-4 sm:grid-cols-2 sm:pt-5">
          <Field label={t("firstName")} htmlFor={`${id}-firstName`} error={errors.firstName}>
            <Input {...field("firstName")} autoComplete="off" maxLength={100} />
          </Field>
          <Field label={t("lastName")} htmlFor={`${id}-lastName`} error={errors.lastName}>
            <Input {...field("lastName")} autoComplete="off" maxLength={100} />
          </Field>
          <Field label={t("email")} htmlFor={`${id}-email`} error={errors.email}>
            <Input {...field("email")} type="email" autoComplete="off" />
          </Field>
          <Field label={t("phone")} htmlFor={`${id}-phone`} error={errors.phone} hint={t("optional")}>
            <Input {...field("phone")} type="tel" autoComplete="off" />
          </Field>
          <Field label={t("language")} htmlFor={`${id}-locale`} error={errors.locale} hint={t("languageHint")}>
            <NativeSelect {...field("locale")}>
              {languages.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field label={t("externalId")} htmlFor={`${id}-externalId`} error={errors.externalId} hint={t("externalIdHint")}>
            <Input {...field("externalId")} autoComplete="off" maxLength={200} />
          </Field>
        </CardContent>
      </Card>
      <div>
        <Button type="submit" disabled={pending}>
          {t(candidateId ? "save" : "create")}
        </Button>
      </div>
    </form>
  );
}
