import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm start` as package.json says it, for the tools that start the app themselves (the bench, the fault
 * tests, render-costs): its environment (`NAME=value` words before `node`: the allocator settings) and
 * node's arguments (the heap caps, the preload, the entry point). One reading, so none of them can drift
 * from what operators run.
 */
export interface StartCommand {
  environment: Record<string, string>;
  nodeArguments: string[];
}

export function startCommand(directory = process.cwd()): StartCommand {
  const packageJson = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const words = packageJson.scripts.start.trim().split(/\s+/);
  const environment: Record<string, string> = {};
  while (/^[A-Z_][A-Z0-9_]*=/.test(words[0] ?? '')) {
    const [name, ...value] = (words.shift() ?? '').split('=');
    environment[name ?? ''] = value.join('=');
  }
  if (words[0] !== 'node') throw new Error(`package.json's start script does not run node: ${words[0]}`);
  return { environment, nodeArguments: words.slice(1) };
}
