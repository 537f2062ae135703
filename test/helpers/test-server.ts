import type { AddressInfo } from 'node:net';
import { buildTestApp, type TestApp } from './test-app.ts';

/** The real app listening on 127.0.0.1 (a free port), for browser tests. */
export async function startTestServer(
  options: Parameters<typeof buildTestApp>[0] = {},
): Promise<TestApp & { baseUrl: string; stop(): Promise<void> }> {
  const testApp = await buildTestApp(options);
  await testApp.app.listen({ host: '127.0.0.1', port: 0 });
  const address = testApp.app.server.address() as AddressInfo;
  return {
    ...testApp,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async stop() {
      await testApp.app.close();
    },
  };
}
