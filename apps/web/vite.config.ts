import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ at / (client routes fall back to index.html). `npm run dev -w apps/web`
// proxies the API to a server started separately on :3000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/health', '/openapi.json', '/docs'].map((p) => [p, 'http://127.0.0.1:3000']),
    ),
  },
});
