// The workbench's production build into packages/web/dist (with vite.config.ts beside this
// folder), for scripts/build.mjs and the browser tests.
import { URL, fileURLToPath } from 'node:url';
import { build } from 'vite';

export const buildWorkbench = () =>
  build({ root: fileURLToPath(new URL('..', import.meta.url)), logLevel: 'warn' });
