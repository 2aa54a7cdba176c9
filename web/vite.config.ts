import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app: built into web/dist, which the server serves at `/` (npm install's prepare runs the build).
 * `npm run dev:web` serves it with hot reload and passes /api to a server on port 3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The public report page must stay small (issue 4: < 150 KB of JavaScript gzipped); Vite reports sizes.
    reportCompressedSize: true,
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
