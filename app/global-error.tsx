"use client";

import "./globals.css";

// The root layout itself failed, so no translations are loaded: both languages, plainly.
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col items-center justify-center gap-3 p-6 text-center">
        <h1 className="text-2xl font-semibold">Parley is unavailable for a moment</h1>
        <p lang="fr" className="text-muted-foreground">Parley est momentanément indisponible.</p>
        <p className="text-sm text-muted-foreground">Reference / référence : {error.digest ?? "—"}</p>
        <button type="button" onClick={() => retry()} className="rounded-md bg-primary px-4 py-2 text-sm font-medium text-primary-foreground">
          Try again / Réessayer
        </button>
      </body>
    </html>
  );
}
