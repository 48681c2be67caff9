/** scripts/content-security-policy.js: the pages' policy, and the refusal of what it would block. */
import { describe, expect, test } from "@jest/globals";

const { contentSecurityPolicy, withContentSecurityPolicy } = require("../scripts/content-security-policy") as {
  contentSecurityPolicy: (scriptOrigins?: string[]) => string;
  withContentSecurityPolicy: (html: string, policy: string, page?: string) => string;
};

const directives = (policy: string) =>
  Object.fromEntries(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe("the policy", () => {
  test("allows the add-in's own origin only, scripts from nowhere else, no plugins, no <base>, no form posts", () => {
    expect(directives(contentSecurityPolicy())).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'"],
      "style-src-attr": ["'unsafe-inline'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'none'"],
    });
  });

  test("adds the origins office.js comes from when it is loaded from Microsoft's CDN", () => {
    expect(directives(contentSecurityPolicy(["https://appsforoffice.microsoft.com"]))["script-src"]).toEqual([
      "'self'",
      "https://appsforoffice.microsoft.com",
    ]);
  });
});

describe("withContentSecurityPolicy", () => {
  const page = (head: string, body = "") =>
    `<!doctype html>\n<html>\n  <head>\n    <meta charset="utf-8" />\n${head}  </head>\n  <body>${body}</body>\n</html>\n`;

  test("puts the policy right after <meta charset>, before anything it governs", () => {
    const html = withContentSecurityPolicy(page('    <script src="a.js"></script>\n'), "default-src 'self'");
    expect(html).toContain(
      `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />\n    <script src="a.js">`,
    );
  });

  test.each([
    ["an inline <script>", page("    <script>alert(1)</script>\n")],
    ["a <style> element", page("    <style>p{}</style>\n")],
    ["an event handler attribute", page("", '<img src="a.png" onerror="x()">')],
    ["a javascript: URL", page("", '<a href="javascript:void 0">a</a>')],
  ])("refuses a page with %s", (what, html) => {
    expect(() => withContentSecurityPolicy(html, "default-src 'self'", "p.html")).toThrow(`p.html has ${what}`);
  });

  test("refuses a page without <meta charset>, or with a policy of its own", () => {
    expect(() => withContentSecurityPolicy("<html><head></head></html>", "x")).toThrow("no <meta charset>");
    const once = withContentSecurityPolicy(page(""), "default-src 'self'");
    expect(() => withContentSecurityPolicy(once, "default-src 'self'")).toThrow("already has a policy");
  });
});
