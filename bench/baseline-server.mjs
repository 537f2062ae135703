// The baseline: a bare node:http server answering a fixed JSON body, the fastest a Node server gets here.
import http from 'node:http';

const body = JSON.stringify({ status: 'ok', uptimeSeconds: 1 });
const server = http.createServer((_request, response) => {
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
