// No console component decides access itself: what a user may do with a record comes from the server
// (`Me.abilities` for navigation, `abilities` on every detail response). This test reads the console's
// sources and fails on the shapes access rules take when re-derived in the browser: role checks, role
// names, comparing an owner, recorder or agency with the signed-in user, or branching on a case's access level.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROLES } from "../src/core/roles";

const CONSOLE = path.resolve(__dirname, "../src/web/console");

const RULES: { name: string; pattern: RegExp }[] = [
  { name: "role check", pattern: /\broles\s*\??\.\s*(includes|some|every|indexOf|find|filter)\s*\(|\bhasRole\s*\(/ },
  { name: "role name", pattern: new RegExp(`["'\`](${ROLES.join("|")})["'\`]`) },
  { name: "owner comparison", pattern: /owner(Id|\??\.id)\s*[!=]==|[!=]==\s*[\w.?]*owner(Id|\??\.id)\b/ },
  { name: "recorder comparison", pattern: /recordedBy(Id|\??\.id)?\s*[!=]==|[!=]==\s*[\w.?]*recordedBy(Id|\??\.id)?\b/ },
  { name: "signed-in user comparison", pattern: /\bme\??\.(id|agency\??\.id)\s*[!=]==|[!=]==\s*me\??\.(id|agency\??\.id)\b/ },
  { name: "access level branch", pattern: /\.access\s*[!=]==/ },
];

/**
 * The few places allowed to match, each with its reason. Keep this list tiny: a new entry needs a reason
 * that is not an access decision.
 */
const ALLOWED: Record<string, { rule: string; line: RegExp; why: string }[]> = {
  "cases/CaseList.tsx": [
    { rule: "signed-in user comparison", line: /view === "mine"/, why: "the 'my cases' view filter groups the list; the server already chose the rows" },
    { rule: "owner comparison", line: /view === "mine"/, why: "same view filter" },
    { rule: "access level branch", line: /view === "(team|referred)"|every\(\(item\) => item\.access === "aggregate"\)/, why: "view filters and column choice over rows the server sent" },
  ],
  "nav.ts": [{ rule: "role name", line: /NavGroup = |group: "admin"/, why: "\"admin\" is also the name of a navigation group" }],
  "Shell.tsx": [{ rule: "role name", line: /const GROUPS/, why: "the navigation groups" }],
  "outreach/NewSession.tsx": [
    { rule: "signed-in user comparison", line: /queued\.userId !== me\.id/, why: "a session queued on this device by another account is not offered for correction; the server checks access on resend" },
  ],
  "villages/VillagePage.tsx": [{ rule: "role name", line: /"decreeDate" \| "pimpasa"/, why: "\"pimpasa\" is the name of a form field (the assigned officers)" }],
  "cases/TeamTab.tsx": [{ rule: "role name", line: /roles: \("case_manager" \| "investigator"\)\[\]/, why: "the type of the candidates' roles, shown as labels" }],
};

export function accessDecisions(source: string): { rule: string; line: number; text: string }[] {
  const out: { rule: string; line: number; text: string }[] = [];
  source.split("\n").forEach((text, i) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(text)) return;
    for (const r of RULES) if (r.pattern.test(text)) out.push({ rule: r.name, line: i + 1, text: text.trim() });
  });
  return out;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe("console components decide no access", () => {
  it("recognises the usual shapes of a re-derived access rule", () => {
    const bad = [
      `const isOwner = detail.owner.id === me.id;`,
      `if (me.roles.includes("coordinator")) show();`,
      `const receiver = me.agency?.id === referral.toAgency.id;`,
      `const mine = session.recordedBy.id === me.id;`,
      `const canEdit = detail.access === "team" && !closed;`,
      `const manage = hasRole(me, "admin");`,
      `const isOwner = detail.ownerId !== me.id;`,
    ];
    for (const line of bad) expect(accessDecisions(line), line).not.toEqual([]);
    const good = [`const can = detail.abilities;`, `{can.close && <Button />}`, `// the owner (detail.owner.id === me.id) closes`, `t("roles.case_manager")`];
    for (const line of good) expect(accessDecisions(line), line).toEqual([]);
  });

  it("finds none in src/web/console outside the allowed list", () => {
    const found: string[] = [];
    const files = sources(CONSOLE);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const rel = path.relative(CONSOLE, file).split(path.sep).join("/");
      for (const hit of accessDecisions(fs.readFileSync(file, "utf8"))) {
        const allowed = (ALLOWED[rel] ?? []).some((a) => a.rule === hit.rule && a.line.test(hit.text));
        if (!allowed) found.push(`${rel}:${hit.line} ${hit.rule}: ${hit.text}`);
      }
    }
    expect(found, "use the server's abilities instead").toEqual([]);
  });
});
