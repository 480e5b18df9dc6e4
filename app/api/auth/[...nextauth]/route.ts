import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { refusedByRateLimit } from "@/lib/auth/sign-in-response";

export const GET = handlers.GET;

// A sign-in refused by the rate limit is a 429 with Retry-After, not Auth.js's redirect.
export const POST = refusedByRateLimit((req: NextRequest) => handlers.POST(req));
