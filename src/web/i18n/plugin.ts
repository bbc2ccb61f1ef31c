// Vite plugin: `virtual:simpul-strings/<group>` is the part of id.json listed for that group in
// string-groups.ts, so a public page downloads its own words and not the console's.
import { readFileSync } from "node:fs";
import type { Plugin } from "vite";
import { STRING_GROUPS, type StringGroup, VIRTUAL_PREFIX } from "./string-groups";

export function pickSections(all: Record<string, unknown>, sections: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(sections.filter((s) => Object.hasOwn(all, s)).map((s) => [s, all[s]]));
}

export function stringGroups(): Plugin {
  const file = new URL("./id.json", import.meta.url);
  return {
    name: "simpul-strings",
    resolveId(id) {
      return id.startsWith(VIRTUAL_PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${VIRTUAL_PREFIX}`)) return undefined;
      const group = id.slice(VIRTUAL_PREFIX.length + 1) as StringGroup;
      if (!Object.hasOwn(STRING_GROUPS, group)) throw new Error(`unknown string group ${group}`);
      this.addWatchFile(file.pathname);
      const all = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
      return `export default ${JSON.stringify(pickSections(all, STRING_GROUPS[group]))};`;
    },
  };
}
