// Folders depend on each other without a cycle, which acyclic files alone do not ensure
// (a/x → b/y and b/z → a/w). Tests are left out: a test may load a case through a higher
// package, which is not a dependency of the code beside it. `npm run lint` runs this after
// .dependency-cruiser.js.
import files, { TEST } from './.dependency-cruiser.js';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular-folders',
      comment: 'No import cycle between folders in the product code.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: { ...files.options, exclude: { path: TEST } },
};
