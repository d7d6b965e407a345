// Types for the build plugin, so tests in TypeScript can use it.
import type { Plugin } from 'esbuild';

export declare const linkedomLeanNodes: Plugin;
