import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';
// By path rather than by package name: the config is loaded before anything is built.
import { metaContentSecurityPolicy } from '../contracts/src/security/contentSecurityPolicy.ts';

/**
 * The built page carries its own strict Content-Security-Policy, so the app is held to it
 * wherever it is served from (the server, nginx, a test). Development keeps Vite's inline
 * hot-reload preamble, so the tag is added to builds only.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'keepsake-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), cspMetaTag()],
  // @keepsake/contracts is read from its TypeScript sources, as tsx --conditions=source does.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bench reads the manifest to tell the initial JavaScript from the lazy chunks.
    manifest: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      // The API, its cookies and the server-sent events go to the local server
      // (npm run dev and the dev compose file say where it is).
      '/api': { target: process.env.KEEPSAKE_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
