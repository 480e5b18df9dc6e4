import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { Brand } from "@/components/console/brand";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { isRateLimitedSignIn, isUnavailableSignIn } from "@/lib/auth/sign-in-refusals";
import { safeCallback } from "@/lib/console/paths";
import { getConsole } from "@/lib/console/session";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("submit") };
}

async function signInAction(formData: FormData) {
  "use server";
  const back = safeCallback(String(formData.get("callbackUrl") ?? "/"));
  try {
    await signIn("credentials", {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      redirectTo: back,
    });
  } catch (err) {
    // signIn redirects by throwing; only a refused sign-in is ours to handle.
    const again = back === "/" ? "" : `&callbackUrl=${encodeURIComponent(back)}`;
    if (isRateLimitedSignIn(err)) redirect(`/login?error=rate_limited${again}`);
    if (isUnavailableSignIn(err)) redirect(`/login?error=unavailable${again}`);
    if (err instanceof AuthError) redirect(`/login?error=1${again}`);
    throw err;
  }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  const { error, callbackUrl } = await searchParams;
  const back = safeCallback(callbackUrl);
  // Already signed in: straight to where they were going.
  if (await getConsole()) redirect(back);
  const t = await getTranslations("login");
  return (
    <main className="flex min-h-dvh items-center justify-center bg-muted/40 px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex justify-center">
          <Brand href="/login" />
        </div>
        <Card className="p-6">
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="mb-5 mt-1 text-sm text-muted-foreground">{t("subtitle")}</p>
          <form action={signInAction} className="grid gap-4">
            {error ? (
              <p className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive" role="alert">
                {error === "rate_limited" ? t("rateLimited") : error === "unavailable" ? t("unavailable") : t("refused")}
              </p>
            ) : null}
            <input type="hidden" name="callbackUrl" value={back} />
            <Field label={t("email")} htmlFor="email">
              <Input id="email" name="email" type="email" autoComplete="username" required />
            </Field>
            <Field label={t("password")} htmlFor="password">
              <Input id="password" name="password" type="password" autoComplete="current-password" required />
            </Field>
            <Button type="submit" className="w-full">
              {t("submit")}
            </Button>
          </form>
        </Card>
      </div>
    </main>
  );
}
