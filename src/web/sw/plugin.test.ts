import { describe, expect, it } from "vitest";
import { manifestOf, precacheList, precacheLists } from "./plugin";

type Bundle = Parameters<typeof precacheList>[0];

function chunk(fileName: string, facade: string | null, imports: string[] = [], css: string[] = [], isEntry = false) {
  return {
    type: "chunk",
    fileName,
    facadeModuleId: facade,
    isEntry,
    imports,
    dynamicImports: [],
    viteMetadata: { importedCss: new Set(css), importedAssets: new Set<string>() },
  };
}

function bundle(consoleHash = "C1"): Bundle {
  const items = [
    chunk("assets/index-E1.js", "/app/src/web/main.tsx", ["assets/api-A1.js"], ["assets/index-E1.css"], true),
    chunk("assets/api-A1.js", null),
    chunk(
      `assets/Console-${consoleHash}.js`,
      "/app/src/web/console/Console.tsx",
      ["assets/api-A1.js", "assets/ui-U1.js"],
      [`assets/Console-${consoleHash}.css`],
    ),
    chunk("assets/ui-U1.js", null),
    chunk(
      "assets/ProgrammeArea-P1.js",
      "/app/src/web/console/villages/ProgrammeArea.tsx",
      ["assets/ui-U1.js"],
      ["assets/ProgrammeArea-P1.css"],
    ),
    chunk("assets/VillageMap-M1.js", "/app/src/web/console/map/VillageMap.tsx", ["assets/ui-U1.js"]),
    chunk("assets/CasesArea-K1.js", "/app/src/web/console/cases/CasesArea.tsx"),
    chunk("assets/JobCheck-J1.js", "/app/src/web/site/jobcheck/JobCheck.tsx", ["assets/api-A1.js"], ["assets/jobcheck-J1.css"]),
    chunk("assets/index-X1.js", "/app/src/core/jobcheck/index.ts"),
    chunk("assets/strings-S1.js", "\0virtual:simpul-strings/jobCheck"),
    { type: "asset", fileName: "index.html", source: "<html></html>" },
  ];
  return Object.fromEntries(items.map((item) => [item.fileName, item])) as unknown as Bundle;
}

describe("the service worker's precache list", () => {
  it("holds the shell and what the session form needs, not the map or the case chunks", () => {
    expect(precacheList(bundle())).toEqual([
      "/index.html",
      "/assets/Console-C1.css",
      "/assets/Console-C1.js",
      "/assets/ProgrammeArea-P1.css",
      "/assets/ProgrammeArea-P1.js",
      "/assets/api-A1.js",
      "/assets/index-E1.css",
      "/assets/index-E1.js",
      "/assets/ui-U1.js",
    ]);
  });

  it("gets a new cache version when a build changes a listed file, and keeps it otherwise", () => {
    const source = "const MANIFEST = self.__SIMPUL_SW_MANIFEST__;";
    expect(manifestOf(source, bundle()).version).toBe(manifestOf(source, bundle()).version);
    expect(manifestOf(source, bundle("C2")).version).not.toBe(manifestOf(source, bundle()).version);
  });
});

describe("the public and console lists", () => {
  it("gives every visitor the public pages, the engine and their strings, and keeps the console apart", () => {
    const { precache, console: consoleList } = precacheLists(bundle());
    expect(precache).toEqual(
      expect.arrayContaining([
        "/index.html",
        "/shell.html",
        "/assets/JobCheck-J1.js",
        "/assets/jobcheck-J1.css",
        "/assets/index-X1.js",
        "/assets/strings-S1.js",
      ]),
    );
    expect(precache.filter((f) => /Console|ProgrammeArea|CasesArea|VillageMap|ui-U1/.test(f))).toEqual([]);
    expect(consoleList).toEqual(expect.arrayContaining(["/assets/Console-C1.js", "/assets/ProgrammeArea-P1.js", "/assets/ui-U1.js"]));
    expect(consoleList.filter((f) => precache.includes(f))).toEqual([]);
  });
});
