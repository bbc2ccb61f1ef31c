// Vite plugin: after the bundle is built, renders the home page in Node (through a short-lived Vite
// server in SSR mode, so JSX, the string groups and CSS imports resolve as in the app) and puts it into
// index.html, which the server sends for "/". The untouched page goes out as shell.html: the server
// answers every other app path with it, so a console or report deep link never flashes the home page.
import { fileURLToPath } from "node:url";
import type { Plugin, PluginOption } from "vite";

const ROOT_DIV = '<div id="root"></div>';

export function insertIntoRoot(html: string, markup: string): string {
  if (!html.includes(ROOT_DIV)) throw new Error('index.html lacks <div id="root"></div>');
  return html.replace(ROOT_DIV, `<div id="root">${markup}</div>`);
}

export function prerender(extraPlugins: () => PluginOption[]): Plugin {
  const webRoot = fileURLToPath(new URL("..", import.meta.url));
  return {
    name: "simpul-prerender",
    apply: "build",
    enforce: "post",
    async generateBundle(_options, bundle) {
      const page = bundle["index.html"];
      if (page?.type !== "asset") return;
      const { createServer } = await import("vite");
      const server = await createServer({
        configFile: false,
        root: webRoot,
        logLevel: "error",
        plugins: extraPlugins(),
        appType: "custom",
        server: { middlewareMode: true, hmr: false, watch: null, ws: false },
      });
      try {
        const { renderHome } = (await server.ssrLoadModule("/prerender/render.tsx")) as { renderHome(): Promise<string> };
        const shell = String(page.source);
        this.emitFile({ type: "asset", fileName: "shell.html", source: shell });
        page.source = insertIntoRoot(shell, await renderHome());
      } finally {
        await server.close();
      }
    },
  };
}
