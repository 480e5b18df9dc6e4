import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

type Tree = { [key: string]: string | Tree };

const leaves = (tree: Tree, prefix = ""): Map<string, string> =>
  new Map(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[`${prefix}${key}`, value] as const] : [...leaves(value, `${prefix}${key}.`)],
    ),
  );

// An argument's name is followed by "}" or ","; plural branches ("=0 {no turns}", "=0 {Interviews}")
// are text, so a brace after a plural selector opens no argument.
const placeholders = (text: string) => [...text.matchAll(/(?<!(?:=\d+|\b(?:zero|one|two|few|many|other)) )\{(\w+)(?=[,}])/g)].map((m) => m[1]).sort();

describe("message files", () => {
  const english = leaves(en as Tree);
  const french = leaves(fr as Tree);

  it("give every English string a French translation, and nothing extra", () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, text] of english) expect(placeholders(french.get(key) ?? ""), key).toEqual(placeholders(text));
  });
});
