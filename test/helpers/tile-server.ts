import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after } from 'node:test';
import sharp from 'sharp';

/** A map tile server of a test file's own on 127.0.0.1: the pages' maps never reach the internet. */
export interface TestTileServer {
  /** MAP_TILE_URL for it. */
  readonly url: string;
  /** Tiles asked for so far. */
  readonly requests: number;
}

/**
 * Starts a tile server that answers every tile with the same light 256 × 256 PNG — or, with `hasTiles:
 * false`, with 404 (a tile service down) — counting the requests; it closes when the file's tests end. Call
 * it at the top level of the file.
 */
export async function startTileServer(options: { hasTiles?: boolean } = {}): Promise<TestTileServer> {
  const tile =
    options.hasTiles === false
      ? null
      : await sharp({ create: { width: 256, height: 256, channels: 3, background: '#e8eef0' } })
          .png()
          .toBuffer();
  let requests = 0;
  const tiles = createServer((_request, response) => {
    requests += 1;
    if (tile === null) {
      response.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      response.end('no tiles here');
      return;
    }
    response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
    response.end(tile);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  after(
    () =>
      new Promise<void>((resolve) => {
        tiles.close(() => resolve());
        // Chromium may still hold keep-alive connections: close() alone would wait for them.
        tiles.closeAllConnections();
      }),
  );
  const url = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;
  return {
    url,
    get requests() {
      return requests;
    },
  };
}
