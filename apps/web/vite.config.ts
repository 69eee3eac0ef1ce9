import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app. `npm run build -w @waymark/web` writes apps/web/dist, which the server serves at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: {
    proxy: { '/api': process.env.WAYMARK_API ?? 'http://localhost:3000' },
  },
});
