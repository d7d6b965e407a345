import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl } from '../../src/sources/fetch.js';
import { networkReason } from '../../src/sources/network-errors.js';

// A failed request says why in words: never undici's bare "fetch failed".

/** The shape undici rejects with: a TypeError whose cause (and its cause) hold the reason. */
function failed(cause: object): Error {
  return new TypeError('fetch failed', { cause });
}

describe('networkReason', () => {
  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 'connection refused'],
    [{ code: 'ECONNRESET', message: 'read ECONNRESET' }, 'connection lost while reading'],
    [{ code: 'EHOSTUNREACH' }, 'host unreachable (no route to it)'],
    [{ code: 'ENETUNREACH' }, 'network unreachable (offline?)'],
    [{ code: 'UND_ERR_SOCKET', message: 'other side closed' }, 'connection lost while reading'],
    [{ code: 'UND_ERR_HEADERS_OVERFLOW', message: 'Headers Overflow Error' }, 'the server sent headers too large to accept'],
    [{ code: 'UND_ERR_HEADERS_TIMEOUT' }, 'the server sent no answer in time'],
    [{ code: 'HPE_INVALID_CONSTANT', message: 'Response does not match the HTTP/1.1 protocol (Expected HTTP/)' }, "the server's answer is not valid HTTP"],
    [{ code: 'ERR_UNESCAPED_CHARACTERS' }, 'the address holds characters that cannot be sent (spaces or control characters)'],
    [{ code: 'Z_DATA_ERROR', message: 'incorrect header check' }, 'compressed response is corrupt or cut short'],
    [{ code: 'ERR__ERROR_FORMAT_PADDING_1', message: 'Decompression failed' }, 'compressed response is corrupt or cut short'],
    [{ code: 'CERT_HAS_EXPIRED' }, 'secure connection failed (the certificate has expired)'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'secure connection failed (the certificate is for another host)'],
    [{ code: 'ERR_SSL_SOMETHING_NEW' }, 'secure connection failed (ERR_SSL_SOMETHING_NEW)'],
    [{ code: 'UND_ERR_SOMETHING_NEW', message: 'Something new' }, 'request failed (UND_ERR_SOMETHING_NEW)'],
    [{ message: 'something with no code' }, 'request failed'],
  ])('%o', (cause, reason) => {
    expect(networkReason(failed(cause))).toBe(reason);
  });

  it('finds the reason two causes down', () => {
    expect(networkReason(failed({ message: 'wrapper', cause: { code: 'ECONNREFUSED' } }))).toBe('connection refused');
  });

  it('"terminated" with nothing beneath is a body cut short', () => {
    expect(networkReason(new TypeError('terminated'))).toBe('connection lost while reading');
  });
});

describe('fetching', () => {
  it.each(['6000', '10080', '1'])('port %s, which the Fetch standard blocks, is named as such', async (port) => {
    await expect(fetchUrl(`http://127.0.0.1:${port}/page`)).rejects.toMatchObject({
      reason: `port ${port} is blocked by the Fetch standard, which Node follows (it belongs to another service, such as mail or X11); serve the page on another port`,
    });
  });

  let server: Server;
  let base = '';
  beforeAll(async () => {
    // Raw sockets: answers no HTTP server library would send.
    server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', (data) => {
        const path = data.toString('latin1').split(' ')[1];
        if (path === '/not-http') socket.end('SSH-2.0-OpenSSH_9.6\r\n');
        else if (path === '/huge-headers') socket.end(`HTTP/1.1 200 OK\r\nX-Filler: ${'a'.repeat(100_000)}\r\n\r\nbody`);
        else if (path === '/reset') socket.resetAndDestroy();
        else socket.end('HTTP/1.1 200 OK\r\nContent-Length: 10\r\nContent-Length: 12\r\n\r\nabc');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it.each([
    ['/not-http', "the server's answer is not valid HTTP"],
    ['/huge-headers', 'the server sent headers too large to accept'],
    ['/reset', 'connection lost while reading'],
    // Node 20's HTTP parser refuses two lengths; the fetch of Node 22 and later reads the
    // body and finds it does not match. One line either way.
    ['/two-lengths', /^(?:the server's answer is not valid HTTP|the response does not match its stated length)$/],
  ])('a server that answers %s', async (path, reason) => {
    await expect(fetchUrl(`${base}${path}`)).rejects.toMatchObject({ reason: typeof reason === 'string' ? reason : expect.stringMatching(reason), exitCode: 74 });
  });
});
