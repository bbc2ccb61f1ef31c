import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL("./src/web", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));

// The web app is built into dist/web and served by the Simpul server itself; every asset is
// bundled locally because the machines that run Simpul may have no internet access.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
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
