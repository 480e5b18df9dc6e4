// A real app process for the multi-process tests and the benchmark: serves the agent endpoints
// and the live stream over node:http by calling the exported route handlers, as Next would.
// Prints {"port":…,"pid":…} once listening. Uses DATABASE_URL, AGENT_SECRET, … from the env.
import type { AddressInfo } from "node:net";
import { cookieSession, setSessionResolver } from "@/lib/http/console-route";
import { createAgentHttpServer } from "./agent-http";

// Tests name the viewer's organisation in X-Test-Org; without it the real next-auth check runs.
setSessionResolver(async (req, cookies) => {
  const org = req.headers.get("x-test-org");
  return org ? { userId: "usr_test", organizationId: org, role: "recruiter" } : cookieSession(req, cookies);
});

const server = createAgentHttpServer();
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: (server.address() as AddressInfo).port, pid: process.pid }) + "\n");
});
