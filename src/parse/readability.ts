// Readability is CommonJS. Loaded through this module's static import, the bundler gives it
// named exports; imported dynamically into a code-split chunk, it would offer only `default`.
export { Readability } from '@mozilla/readability';
