import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { stringGroups } from "./src/web/i18n/plugin";
import { prerender } from "./src/web/prerender/plugin";
import { serviceWorker } from "./src/web/sw/plugin";

const webRoot = fileURLToPath(new URL("./src/web", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));

/**
 * Writes .br and .gz next to each text asset so the server can send them precompressed
 * (@fastify/static `preCompressed`): cheap phones on slow networks download a third of the bytes.
 */
const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

function precompress(): Plugin {
  return {
    name: "simpul-precompress",
    apply: "build",
    async writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const files = Object.keys(bundle).filter((fileName) => /\.(js|css|html|svg|json)$/.test(fileName));
      // zlib's async calls run on the thread pool, so files compress in parallel.
      await Promise.all(
        files.map(async (fileName) => {
          const path = join(dir, fileName);
          const content = await readFile(path);
          if (content.length < 1024) return;
          const [gz, br] = await Promise.all([
            gzipAsync(content, { level: 9 }),
            // Quality 10: within 2% of the maximum at half the build time.
            brotliAsync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 10 } }),
          ]);
          await Promise.all([writeFile(`${path}.gz`, gz), writeFile(`${path}.br`, br)]);
        }),
      );
    },
  };
}

// The web app is built into dist/web and served by the Simpul server itself; every asset is
// bundled locally because the machines that run Simpul may have no internet access.
export default defineConfig({
  root: webRoot,
  // prerender runs before serviceWorker, so the worker's version covers the pre-rendered page.
  plugins: [react(), stringGroups(), prerender(() => [react(), stringGroups()]), serviceWorker(), precompress()],
  // No static folder: every asset goes through the bundler.
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    // Keeps a warning meaningful: the public entry must stay small for cheap phones.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { "/api": "http://localhost:3000" },
  },
});
