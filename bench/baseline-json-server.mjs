// The baseline for an API answer: a bare node:http server answering the body it was last sent (over IPC)
// with its content type, so the app's JSON and the baseline's are the same bytes.
import http from 'node:http';

let body = Buffer.from('[]');
let contentType = 'application/json; charset=utf-8';
process.on('message', (message) => {
  body = Buffer.from(message.body, 'base64');
  contentType = message.contentType;
  process.send?.('set');
});
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
  response.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
