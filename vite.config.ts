import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig(({ mode }) => ({
  plugins: [react(), tailwindcss()],
  resolve: {
    // The replay page's MSW needs no public-suffix list (tldts-stub.ts says why): 160 → 48 KB
    // gzip. Node tests keep the real package.
    alias:
      mode === 'test'
        ? []
        : [
            {
              find: /^tldts$/,
              replacement: fileURLToPath(
                new URL('./src/features/replay/tldts-stub.ts', import.meta.url),
              ),
            },
          ],
  },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  // The replay worker loads an SDK on demand: ES module workers can split chunks, IIFE ones cannot.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      output: {
        // One chunk for what every page needs: fewer requests, and gzip does better on one file.
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler|@tanstack|zod)\//.test(id))
            return 'framework';
          return undefined;
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
}));
