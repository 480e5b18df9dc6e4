import { NextResponse, type NextRequest } from "next/server";
import { consoleGate } from "@/lib/console/gate";

export function proxy(req: NextRequest) {
  const requestHeaders = new Headers(req.headers);
  const redirect = consoleGate(req, requestHeaders);
  if (redirect) return redirect;
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export const config = {
  // Pages only: API routes authenticate themselves, static assets need nothing.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
