import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The workbench's production build goes to packages/web/dist, which `parley serve` serves at `/`.
// In development (`npx vite packages/web`) the API calls go to a `parley serve` on port 4000.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:4000' } },
});
