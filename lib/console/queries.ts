import type { InterviewView } from "./interview-view";

// Query keys and browser fetchers of the console's client components; the server prefetches
// the same keys with the domain functions directly.
export const interviewKey = (id: string) => ["interview", id] as const;

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return (await res.json()) as T;
}

export const fetchInterview = (id: string) => fetchJson<InterviewView>(`/api/console/interviews/${id}`);
