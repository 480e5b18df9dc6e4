import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { SiteHeader } from "@/components/site-header";

export const metadata = { title: "Sign in" };

async function signInAction(formData: FormData) {
  "use server";
  try {
    await signIn("credentials", {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      redirectTo: "/console",
    });
  } catch (err) {
    // signIn redirects by throwing; only a refused sign-in is ours to handle.
    if (err instanceof AuthError) redirect("/login?error=1");
    throw err;
  }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <>
      <SiteHeader />
      <main>
        <h1>Sign in to the console</h1>
        <form action={signInAction} className="stack card">
          {error ? (
            <p className="error" role="alert">
              That e-mail and password do not match an account.
            </p>
          ) : null}
          <label>
            E-mail
            <input name="email" type="email" autoComplete="username" required />
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          <button className="button" type="submit">
            Sign in
          </button>
        </form>
      </main>
    </>
  );
}
