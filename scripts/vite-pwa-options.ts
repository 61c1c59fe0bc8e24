// The offline app shell: vite-plugin-pwa options (precache everything the first view fetches, update on request).
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

/**
 * Everything the first view fetches is a hashed asset of the build (code, workers, CSS, the data CSVs, the
 * region TopoJSON and tables, the baked layout, Leaflet's images) or an icon, so the precache is a glob over
 * the output. Workbox skips files over `maximumFileSizeToCacheInBytes` with only a warning; the offline e2e
 * test compares the precache list in `sw.js` with the requests of a real first visit.
 *
 * - `registerType: 'prompt'`: a new version waits until the user asks for it (never reloads under a presenter).
 * - `injectRegister: false`: the app registers through `virtual:pwa-register` from a bundled module, so the
 *   CSP needs no inline script.
 * - `devOptions.enabled: false`: `npm run dev` and the Vitest browser project get the no-op registration.
 */
export function pwa(): PluginOption {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    devOptions: { enabled: false },
    manifest: {
      name: 'Cluster Atlas',
      short_name: 'Cluster Atlas',
      description: "Europe's health-tech clusters as a linked graph, map and timeline.",
      lang: 'en',
      display: 'standalone',
      start_url: './',
      scope: './',
      theme_color: '#1f6fb2',
      background_color: '#ffffff',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,ico,csv,json,webmanifest,woff,woff2}'],
      // Bench datasets (bench builds only) and source maps are not part of the app.
      globIgnores: ['bench-data/**', '**/*.map', '.vite/**'],
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
    },
  });
}
