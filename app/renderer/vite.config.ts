// Builds the renderer (React + antd) into dist/app/renderer, loaded by the Electron main process
// from app://qbank/ and by the GUI tests from the same files. Relative asset URLs; no inline
// scripts or styles in the output (the CSP allows neither); no source maps shipped.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  mode: 'production',
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/app/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // no inline data: URLs for assets either (fonts and icons come as files)
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4000,
  },
});
