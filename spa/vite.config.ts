import { defineConfig } from 'vite';

// Static, content-hashed output for a CDN: dist/index.html (never cached) and dist/assets/*
// (cached for a year). `npm run dev` proxies /api to the edge of a running mall (./mall up).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: {
      // react-router marks its modules "use client" for server components; a client-only bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:8080' },
  },
});
