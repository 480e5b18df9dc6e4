"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { createJobAction, updateJobAction } from "@/app/(console)/jobs/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input, Textarea } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { fieldMessages } from "@/lib/console/field-messages";

export type JobFields = { title: string; location: string; description: string; externalId: string };
const EMPTY: JobFields = { title: "", location: "", description: "", externalId: "" };

/** Blank optional fields are sent as null, which the API stores as "not given". */
const orNull = (v: string) => (v.trim() ? v : null);

/**
 * Creates a job (then opens its page) or edits one. Field errors come from the server, from the
 * same zod schemas as the API, and show beside their fields.
 */
export function JobForm({ jobId, initial = EMPTY }: { jobId?: string; initial?: JobFields }) {
  const t = useTranslations("jobs");
  const id = useId();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const body = { title: values.title, location: orNull(values.location), description: orNull(values.description), externalId: orNull(values.externalId) };
      const result = jobId ? await updateJobAction(jobId, body) : await createJobAction(body);
      if (!result.ok) {
        const byField = fieldMessages(result.error);
        setErrors(byField);
        return void (Object.keys(byField).length ? undefined : toast.error(result.error.message));
      }
      setErrors({});
      toast.success(t(jobId ? "saved" : "created"));
      if (jobId) router.refresh();
      else router.push(`/jobs/${result.data.id}`);
    });
  };

  const field = (name: keyof JobFields) => ({
    id: `${id}-${name}`,
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues({ ...values, [name]: e.target.value }),
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
  });

  return (
    <form onSubmit={submit} noValidate className="grid max-w-2xl gap-6" aria-label={t(jobId ? "editTitle" : "newTitle")} data-testid="job-form">
      <Card>
        <CardContent className="grid gap-4 pt-4 sm:pt-5">
          <Field label={t("fieldTitle")} htmlFor={`${id}-title`} error={errors.title}>
            <Input {...field("title")} required maxLength={200} />
          </Field>
          <Field label={t("fieldLocation")} htmlFor={`${id}-location`} error={errors.location} hint={t("optional")}>
            <Input {...field("location")} maxLength={200} />
          </Field>
          <Field label={t("fieldDescription")} htmlFor={`${id}-description`} error={errors.description} hint={t("descriptionHint")}>
            <Textarea {...field("description")} rows={8} />
          </Field>
          <Field label={t("fieldExternalId")} htmlFor={`${id}-externalId`} error={errors.externalId} hint={t("externalIdHint")}>
            <Input {...field("externalId")} maxLength={200} />
          </Field>
        </CardContent>
      </Card>
      <div>
        <Button type="submit" disabled={pending}>
          {t(jobId ? "save" : "create")}
        </Button>
      </div>
    </form>
  );
}
