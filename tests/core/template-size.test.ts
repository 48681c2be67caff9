import { describe, expect, test } from "@jest/globals";
import { parseTemplate, renderTemplate } from "../../src/core";

/** `count` distinct placeholders, every third in an optional part, with text between them. */
function largeTemplate(count: number): string {
  const pieces: string[] = [];
  for (let i = 0; i < count; i += 1) pieces.push(i % 3 === 0 ? `[，{项${i}}]` : `第${i}项{项${i}}`);
  return `${pieces.join("")}||零值{项0}`;
}

describe("表述模板 of any size", () => {
  // About 600 KB: the quadratic parser (a slice to each placeholder's end, a list search per name)
  // took about 16 s on this input; the one-pass parser takes well under a second. Speed itself is
  // measured by `npm run bench` (scripts/bench-template.js), not here.
  test("a 600 KB template with 60,000 distinct placeholders parses whole, in order", () => {
    const count = 60_000;
    const source = largeTemplate(count);
    expect(source.length).toBeGreaterThan(600_000);
    const parsed = parseTemplate(source);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.template.placeholders).toHaveLength(count);
    expect(parsed.template.placeholders[count - 1]).toBe(`项${count - 1}`);
    expect(parsed.template.main.filter((part) => part.kind === "optional")).toHaveLength(count / 3);
    const rendered = renderTemplate(parsed.template, (name) => name.slice(1));
    expect(rendered).toEqual({ ok: true, text: expect.stringMatching(/^，0第1项1第2项2，3/) });
  });

  test("text runs, placeholders and optional parts keep their exact text", () => {
    const parsed = parseTemplate("前{甲}中[，{乙}后]尾{甲}");
    expect(parsed).toEqual({
      ok: true,
      template: {
        main: [
          { kind: "text", text: "前" },
          { kind: "placeholder", name: "甲" },
          { kind: "text", text: "中" },
          {
            kind: "optional",
            pieces: [
              { kind: "text", text: "，" },
              { kind: "placeholder", name: "乙" },
              { kind: "text", text: "后" },
            ],
          },
          { kind: "text", text: "尾" },
          { kind: "placeholder", name: "甲" },
        ],
        zero: null,
        placeholders: ["甲", "乙"],
      },
    });
    expect(parseTemplate("{甲")).toEqual({ ok: false, error: "“{”没有对应的“}”" });
    expect(parseTemplate("{ }")).toEqual({ ok: false, error: "占位符“{ }”写法有误" });
  });
});
