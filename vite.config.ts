import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { isolabContent } from "./scripts/vite-content-plugin.ts";
import { prerenderHome } from "./scripts/vite-prerender.ts";

export default defineConfig({
  // ISOLAB_CONTENT_DIR builds the app from another course (e2e tests use the fixture course).
  plugins: [react(), isolabContent({ dir: process.env.ISOLAB_CONTENT_DIR ?? "content" }), prerenderHome()],
  build: { target: "es2022", sourcemap: false },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  server: { host: "127.0.0.1" },
});
