import { defaultShouldDehydrateQuery, isServer, QueryClient } from "@tanstack/react-query";

// The midday pattern: the server prefetches into a client of its own per request and hands the
// cache over with HydrationBoundary; the browser keeps one client for the session.
function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Data the server just rendered is fresh; do not fetch it again on hydration.
      queries: { staleTime: 30_000, refetchOnWindowFocus: true },
      dehydrate: { shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending" },
    },
  });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
