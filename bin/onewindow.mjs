#!/usr/bin/env node
// `npx onewindow …`: runs the TypeScript CLI on the project's pinned Node (npx puts node_modules/.bin first
// on the PATH, where the `node@24` package links its binary); the preload loads our TypeScript (ADR 0017).
import '../src/preload.mjs';

await import('../src/cli.ts');
