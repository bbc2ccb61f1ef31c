import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import id from "./id.json";
import { pickSections } from "./plugin";
import { STRING_GROUPS, type StringGroup } from "./string-groups";

const webRoot = fileURLToPath(new URL("..", import.meta.url));

function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .flatMap((name) => (/\.test\.tsx?$/.test(name) ? [] : sourceFiles(join(path, name))))
    .filter((f) => /\.tsx?$/.test(f));
}

/** Top-level sections a file uses through t("section.…") or t(`section.…`). */
function sectionsUsedBy(files: string[]): Set<string> {
  const used = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, "utf8").matchAll(/\bt\(\s*["`]([a-zA-Z0-9_]+)\./g)) used.add(match[1]!);
  }
  return used;
}

// Which files are shown with which groups: the entry's group always, plus the page's own.
const AREAS: { files: string[]; groups: StringGroup[] }[] = [
  {
    files: [
      "App.tsx",
      "site/PublicLayout.tsx",
      "site/NotFound.tsx",
      "site/LanguageSwitch.tsx",
      "site/Field.tsx",
      "site/features.ts",
      "site/hotlines.ts",
      "lib",
    ],
    groups: ["public"],
  },
  { files: ["site/Home.tsx", "site/HotlineList.tsx"], groups: ["public", "home"] },
  { files: ["site/jobcheck", "site/HotlineList.tsx"], groups: ["public", "home", "jobCheck"] },
  { files: ["site/report"], groups: ["public", "report"] },
  { files: ["site/SignIn.tsx"], groups: ["public", "signIn"] },
  { files: ["site/statistics"], groups: ["public", "statistics"] },
];

describe("the public area's string groups", () => {
  it.each(AREAS)("give $files every section they use", ({ files, groups }) => {
    const available = new Set(groups.flatMap((g) => STRING_GROUPS[g] as readonly string[]));
    const used = sectionsUsedBy(files.flatMap((f) => sourceFiles(join(webRoot, f))));
    expect([...used].filter((s) => !available.has(s))).toEqual([]);
  });

  it("names only sections that exist, and covers every file of the public area", () => {
    for (const sections of Object.values(STRING_GROUPS)) for (const s of sections) expect(Object.hasOwn(id, s), s).toBe(true);
    const covered = new Set(AREAS.flatMap((a) => a.files.flatMap((f) => sourceFiles(join(webRoot, f)))));
    const publicFiles = sourceFiles(join(webRoot, "site"));
    expect(publicFiles.filter((f) => !covered.has(f))).toEqual([]);
  });

  it("picks the listed sections of id.json and nothing else", () => {
    expect(Object.keys(pickSections(id, STRING_GROUPS.jobCheck)).sort()).toEqual(["companyCheck", "jobCheck", "numberCheck"]);
    expect(JSON.stringify(pickSections(id, STRING_GROUPS.public))).not.toContain("cases");
  });
});
