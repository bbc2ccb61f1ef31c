// Which top-level sections of id.json ship with which part of the public area. The entry carries only
// what every public page shows (layout, errors); each public page brings its own section in a small
// chunk of its own (the home page too: main.tsx fetches it before the first render when "/" is opened,
// and the job check, which lists the hotlines kept under home.hotlines, loads it as well); the console loads the whole file. id.json and en.json stay
// one file each: the split happens at build time (plugin.ts). i18n.test.ts checks that every key a
// public file uses is in its group, so a new section cannot go missing on a page.
export const STRING_GROUPS = {
  public: ["app", "common", "public", "errors", "notFound", "language"],
  home: ["home"],
  jobCheck: ["jobCheck", "companyCheck", "numberCheck"],
  report: ["report", "reportStatus"],
  signIn: ["signIn"],
  statistics: ["statistics"],
} as const satisfies Record<string, readonly string[]>;

export type StringGroup = keyof typeof STRING_GROUPS;
export const VIRTUAL_PREFIX = "virtual:simpul-strings/";
