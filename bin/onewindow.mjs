#!/usr/bin/env node
// `npx onewindow …`: runs the TypeScript CLI through tsx on the project's pinned Node (npx puts
// node_modules/.bin first on the PATH, where the `node@24` package links its binary).
import '../src/preload.mjs';
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
