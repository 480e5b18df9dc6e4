"use client";

import { CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState, useTransition } from "react";
import { createInterviewAction, searchCandidatesAction } from "@/app/(console)/interviews/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Input, NativeSelect } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { fieldMessages } from "@/lib/console/field-messages";
import type { CandidateMatch, NewInterviewOptions } from "@/lib/console/new-interview";

type Created = { id: string; status: string; invitationUrl: string; emailStatus: string };
const DEFAULT_DAYS = 7;

/** A date `days` from today as yyyy-mm-dd, for the date input. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The form behind "New interview": an existing or a new candidate, the job (and campaign and
 * stage), the configuration, the expiry, and whether to send the invitation now. Field errors
 * come from the server, from the same zod schemas as the API.
 */
export function NewInterviewForm({ options }: { options: NewInterviewOptions }) {
  const t = useTranslations("newInterview");
  const id = useId();
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<CandidateMatch[]>([]);
  const [candidateId, setCandidateId] = useState("");
  const [candidate, setCandidate] = useState({ firstName: "", lastName: "", email: "", locale: "en" });
  const [jobId, setJobId] = useState(options.jobs[0]?.id ?? "");
  const [campaignId, setCampaignId] = useState("");
  const [stageId, setStageId] = useState("");
  const [configId, setConfigId] = useState("");
  const [expires, setExpires] = useState(inDays(DEFAULT_DAYS));
  const [sendInvite, setSendInvite] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<Created | null>(null);
  const [pending, startTransition] = useTransition();

  const campaigns = useMemo(() => options.campaigns.filter((c) => c.jobId === jobId), [options.campaigns, jobId]);
  const stages = campaigns.find((c) => c.id === campaignId)?.stages ?? [];

  useEffect(() => {
    if (mode !== "existing" || query.trim().length < 2) return;
    let live = true;
    const timer = setTimeout(async () => {
      const result = await searchCandidatesAction(query);
      if (live && result.ok) setMatches(result.data);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, mode]);

  // Matches of an earlier, longer query are not shown once the text is too short to search.
  const shownMatches = query.trim().length >= 2 ? matches : [];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await createInterviewAction({
        ...(mode === "existing" ? { candidateId: candidateId || undefined } : { candidate }),
        jobId,
        campaignId: campaignId || null,
        stageId: stageId || null,
        configId: configId || null,
        // The end of the chosen day in the recruiter's own time zone.
        expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
        sendInvite,
      });
      if (!result.ok) {
        const byField = fieldMessages(result.error);
        setErrors(byField);
        // Field errors show beside their fields; only an error no field explains needs a toast.
        return void (Object.keys(byField).length ? undefined : toast.error(result.error.message));
      }
      setErrors({});
      setCreated(result.data);
      toast.success(t("created"));
    });
  };

  if (created) {
    return (
      <Card data-testid="interview-created">
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <CheckCircle2 className="size-5 text-success" aria-hidden />
            {t("createdTitle")}
          </CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 text-sm">
          <div className="grid gap-1.5">
            <p className="font-medium">{t("link")}</p>
            <div className="flex flex-wrap items-center gap-2">
              <code className="min-w-0 flex-1 break-all rounded-md bg-muted px-2 py-1.5 text-xs" data-testid="invitation-url">
                {created.invitationUrl}
              </code>
              <CopyButton value={created.invitationUrl} />
            </div>
            <p className="text-xs text-muted-foreground">{t("linkOnce")}</p>
          </div>
          <p data-testid="email-status">{t(`emailStatus.${created.emailStatus}` as "emailStatus.QUEUED")}</p>
          <div className="flex flex-wrap gap-2">
            <Button asChild>
              <Link href={`/interviews/${created.id}`}>{t("open")}</Link>
            </Button>
            <Button variant="outline" onClick={() => setCreated(null)}>
              {t("another")}
            </Button>
          </div>
        </CardContent>
      </Card>
    );
  }

  const err = (field: string) => errors[field];
  return (
    <form onSubmit={submit} noValidate className="grid max-w-2xl gap-6" aria-label={t("title")}>
      <Card>
        <CardHeader>
          <CardTitle>{t("candidate")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <div className="flex gap-4 text-sm" role="radiogroup" aria-label={t("candidate")}>
            {(["existing", "new"] as const).map((m) => (
              <label key={m} className="flex items-center gap-2">
                <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} className="size-4 accent-[var(--primary)]" />
                {t(m === "existing" ? "existingCandidate" : "newCandidate")}
              </label>
            ))}
          </div>
          {mode === "existing" ? (
            <Field label={t("search")} htmlFor={`${id}-q`} error={err("candidateId")} hint={t("searchHint")}>
              <Input id={`${id}-q`} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" aria-invalid={err("candidateId") ? true : undefined} />
              {shownMatches.length ? (
                <ul className="grid gap-1" aria-label={t("matches")}>
                  {shownMatches.map((m) => (
                    <li key={m.id}>
                      <label className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent">
                        <input type="radio" name={`${id}-candidate`} checked={candidateId === m.id} onChange={() => setCandidateId(m.id)} className="size-4 accent-[var(--primary)]" />
                        <span className="font-medium">{m.name}</span>
                        <span className="text-muted-foreground">{m.email}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              ) : query.trim().length >= 2 ? (
                <p className="text-xs text-muted-foreground">{t("noMatch")}</p>
              ) : null}
            </Field>
          ) : (
            <div className="grid gap-4 sm:grid-cols-2">
              {(["firstName", "lastName", "email"] as const).map((f) => (
                <Field key={f} label={t(f)} htmlFor={`${id}-${f}`} error={err(`candidate.${f}`)}>
                  <Input
                    id={`${id}-${f}`}
                    type={f === "email" ? "email" : "text"}
                    value={candidate[f]}
                    onChange={(e) => setCandidate({ ...candidate, [f]: e.target.value })}
                    aria-invalid={err(`candidate.${f}`) ? true : undefined}
                    aria-describedby={err(`candidate.${f}`) ? `${id}-${f}-error` : undefined}
                  />
                </Field>
              ))}
              <Field label={t("language")} htmlFor={`${id}-locale`} error={err("candidate.locale")}>
                <NativeSelect id={`${id}-locale`} value={candidate.locale} onChange={(e) => setCandidate({ ...candidate, locale: e.target.value })}>
                  <option value="en">English</option>
                  <option value="fr">Français</option>
                </NativeSelect>
              </Field>
            </div>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("interview")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field label={t("job")} htmlFor={`${id}-job`} error={err("jobId")}>
            <NativeSelect
              id={`${id}-job`}
              value={jobId}
              onChange={(e) => {
                setJobId(e.target.value);
                setCampaignId("");
                setStageId("");
              }}
            >
              {options.jobs.length === 0 ? <option value="">{t("noJobs")}</option> : null}
              {options.jobs.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field label={t("config")} htmlFor={`${id}-config`} error={err("configId")} hint={t("configHint")}>
            <NativeSelect id={`${id}-config`} value={configId} onChange={(e) => setConfigId(e.target.value)}>
              <option value="">{t("configDefault")}</option>
              {options.configs.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field label={t("campaign")} htmlFor={`${id}-campaign`} error={err("campaignId")}>
            <NativeSelect
              id={`${id}-campaign`}
              value={campaignId}
              onChange={(e) => {
                setCampaignId(e.target.value);
                setStageId("");
              }}
              disabled={campaigns.length === 0}
            >
              <option value="">{t("noCampaign")}</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field label={t("stage")} htmlFor={`${id}-stage`} error={err("stageId")}>
            <NativeSelect id={`${id}-stage`} value={stageId} onChange={(e) => setStageId(e.target.value)} disabled={stages.length === 0}>
              <option value="">{t("noStage")}</option>
              {stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field label={t("expires")} htmlFor={`${id}-expires`} error={err("expiresAt")} hint={t("expiresHint")}>
            <Input id={`${id}-expires`} type="date" value={expires} min={inDays(0)} max={inDays(90)} onChange={(e) => setExpires(e.target.value)} />
          </Field>
          <label className="flex items-center gap-2 self-end pb-2 text-sm">
            <input type="checkbox" checked={sendInvite} onChange={(e) => setSendInvite(e.target.checked)} className="size-4 accent-[var(--primary)]" />
            {t("sendInvite")}
          </label>
        </CardContent>
      </Card>
      <div>
        <Button type="submit" disabled={pending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
