import { type ChildProcess, spawn } from 'node:child_process';
import { startCommand } from '../../scripts/start-command.ts';

/** The app started in a process of its own, as `npm start` starts it; its output (stdout and stderr) collected. */
export interface AppProcess {
  child: ChildProcess;
  output: () => string;
}

/**
 * Starts the app as `npm start` does (its node arguments and environment, scripts/start-command.ts) with
 * `environment` over this process's; stop it with `child.kill('SIGTERM')` and `exited(child)`.
 */
export function startAppProcess(environment: Record<string, string>): AppProcess {
  const start = startCommand();
  let output = '';
  const child = spawn(process.execPath, start.nodeArguments, {
    env: { ...process.env, ...start.environment, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

/** Resolves with the exit code once the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });
}
