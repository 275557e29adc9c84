import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * The Content-Security-Policy the app runs under: no inline script, network only to the app's
 * own origin and the replay's mock host (served by the Mock Service Worker, never the network).
 * Built into index.html as a <meta> (any static host) and sent as headers by `vite preview`.
 */
/** The mock host replays are served on; MSW answers it inside the browser. */
const REPLAY_MOCK_ORIGIN = 'https://mock.replay.test';

const directives: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  // React sets style properties through the DOM; Tailwind ships a stylesheet.
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': `'self' ${REPLAY_MOCK_ORIGIN}`,
  'worker-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** The policy for the <meta> tag (which cannot carry frame-ancestors). */
const cspMeta = Object.entries(directives)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/** The policy as a response header, where frame-ancestors does apply. */
const cspHeader = `${cspMeta}; frame-ancestors 'none'`;

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': cspHeader,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The CSP goes into the built index.html only: the dev server injects React's inline preamble. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: cspMeta },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * App modules every page loads: imported statically, directly or not, by src/main.tsx (which
 * stays the entry). Rolldown would otherwise cut those shared with lazy chunks into small files.
 */
function everyPageLoads(
  id: string,
  getModuleInfo: (id: string) => { importers: readonly string[] } | null,
  seen = new Set<string>(),
): boolean {
  if (!/\/src\/.*\.tsx?$/.test(id) || seen.has(id)) return false;
  seen.add(id);
  return (getModuleInfo(id)?.importers ?? []).some(
    (importer) =>
      importer.endsWith('/src/main.tsx') || everyPageLoads(importer, getModuleInfo, seen),
  );
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), tailwindcss(), contentSecurityPolicy()],
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
  preview: { port: 4173, strictPort: true, headers: securityHeaders },
  // The replay worker loads an SDK on demand: ES module workers can split chunks, IIFE ones cannot.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      output: {
        // One chunk for what every page needs: fewer requests, and gzip does better on one file.
        // Not zod: the home page checks its two files without it, so zod goes where it is used.
        manualChunks(id, { getModuleInfo }) {
          if (/node_modules\/(react|react-dom|scheduler|@tanstack)\//.test(id)) return 'framework';
          if (everyPageLoads(id, getModuleInfo)) return 'framework';
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
