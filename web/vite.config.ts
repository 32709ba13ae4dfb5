import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// The analyst's web app, built into dist/web and served by `relata serve`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact()],
  build: { outDir: "../dist/web", emptyOutDir: true },
});
