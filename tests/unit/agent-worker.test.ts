import fs from "node:fs";
import { isAgent } from "@livekit/agents";
import { describe, expect, it } from "vitest";
import { parseAgentEnv } from "@/agent/env";
import interviewerAgent, { agentInterviewer, interviewIdOf, sessionModels } from "@/agent/interviewer-agent";
import { voiceLines } from "@/agent/lines";
import { AGENT_ENTRY, serverOptions, startupProblems } from "@/agent/main";
import { conductProblem } from "@/lib/interviewer/conduct";

// The LiveKit worker loads and registers the configured agent name; nothing here connects.

describe("the LiveKit worker (npm run agent)", () => {
  it("registers the named agent, parley-interviewer unless LIVEKIT_AGENT_NAME says otherwise", () => {
    expect(serverOptions(parseAgentEnv({})).agentName).toBe("parley-interviewer");
    const options = serverOptions(parseAgentEnv({ LIVEKIT_AGENT_NAME: "acme-interviewer", LIVEKIT_URL: "wss://acme.livekit.cloud", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "s" }));
    expect(options).toMatchObject({ agentName: "acme-interviewer", wsURL: "wss://acme.livekit.cloud", apiKey: "k", apiSecret: "s", port: 8081 });
    expect(options.agent).toBe(AGENT_ENTRY);
    expect(fs.existsSync(AGENT_ENTRY)).toBe(true);
  });

  it("its job entry is an agent definition", () => {
    expect(isAgent(interviewerAgent)).toBe(true);
    expect(typeof interviewerAgent.entry).toBe("function");
  });

  it("reads the interview from the dispatch metadata, else from the room's name", () => {
    expect(interviewIdOf(JSON.stringify({ interviewId: "int_abc" }), "whatever")).toBe("int_abc");
    expect(interviewIdOf("", "interview-int_xyz123")).toBe("int_xyz123");
    expect(() => interviewIdOf("{}", "lobby")).toThrow(/names no interview/);
  });

  it("pipeline by default (speech-to-text, no LLM in the session); the realtime model as an option", () => {
    const pipeline = sessionModels(parseAgentEnv({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" }), "fr-CA");
    expect(pipeline.stt).toBeDefined();
    expect("llm" in pipeline).toBe(false);
    expect(pipeline.tts).toBeDefined();
    const realtime = sessionModels(parseAgentEnv({ OPENAI_API_KEY: "sk-test", AGENT_VOICE_MODE: "realtime" }), "en");
    expect(realtime.llm).toBeDefined();
    expect("stt" in realtime).toBe(false);
  });

  it("the interviewer is scripted without a key and uses INTERVIEWER_MODEL with one", () => {
    expect(agentInterviewer(parseAgentEnv({})).mode).toBe("scripted");
    expect(agentInterviewer(parseAgentEnv({ OPENAI_API_KEY: "sk-test", INTERVIEWER_MODEL: "gpt-4o-mini" })).mode).toBe("gpt-4o-mini");
  });

  it("says at start what is missing to conduct an interview", () => {
    expect(startupProblems(parseAgentEnv({})).join("\n")).toMatch(/LIVEKIT_URL[\s\S]*OPENAI_API_KEY/);
    expect(startupProblems(parseAgentEnv({ LIVEKIT_URL: "wss://x.livekit.cloud", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "s", OPENAI_API_KEY: "sk" }))).toEqual([]);
  });

  it("refuses malformed settings, naming them", () => {
    expect(() => parseAgentEnv({ PARLEY_URL: "ftp://x", AGENT_REJOIN_GRACE_SECONDS: "-1" })).toThrow(/PARLEY_URL[\s\S]*AGENT_REJOIN_GRACE_SECONDS/);
    expect(parseAgentEnv({ PARLEY_URL: "" }).PARLEY_URL).toBe("http://127.0.0.1:3000");
  });

  it("the agent's own lines keep the conduct rules, in English and French", () => {
    for (const language of ["en", "fr"]) {
      const l = voiceLines(language);
      for (const line of [l.checkIn("Tell me about a project you are proud of."), l.silenceEnd("Ada"), l.silenceEnd(""), l.noAnswer()]) {
        expect(conductProblem(line), line).toBeNull();
      }
    }
    expect(voiceLines("fr-CA").silenceEnd("")).not.toContain(", .");
  });
});
