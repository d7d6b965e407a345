import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';
import { startServer, type TestServer } from './server.js';

// HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as a user behind a proxy sets them. The page lives on
// 127.0.0.1, but is asked for under a name that does not resolve (news.invalid): only a
// request that went through the proxy, which sends every tunnel and request to the page's
// server, can reach it.

const PAGE = `<!doctype html><html><head><title>Through the proxy</title></head><body><article><h1>Through the proxy</h1>${'<p>The harbour reopened on Tuesday after the storm had passed through the night. </p>'.repeat(6)}</article></body></html>`;

let origin: TestServer;
let proxy: Server;
let proxyUrl: string;
const seen: string[] = [];
const sockets = new Set<Socket>();

beforeAll(async () => {
  origin = await startServer({ '/story': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE) });
  const target = new URL(origin.url('/'));
  proxy = createServer((req, res) => {
    // A plain forward-proxy request: an absolute URL in the request line.
    seen.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/');
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: url.pathname, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.on('connect', (req, socket: Socket, head) => {
    seen.push(`CONNECT ${req.url}`);
    const upstream = connect(Number(target.port), target.hostname, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const end = () => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', end);
    socket.on('error', end);
  });
  proxy.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await origin.close();
});

const port = () => new URL(origin.url('/')).port;

describe('web sources through a proxy from the environment', () => {
  it('HTTP_PROXY carries a request for an http address', async () => {
    seen.length = 0;
    const run = await runCliAsync(['--print', `http://news.invalid:${port()}/story`], { env: { HTTP_PROXY: proxyUrl } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The harbour reopened on Tuesday');
    expect(seen.join('\n')).toContain(`news.invalid:${port()}`);
  });

  it('the lowercase http_proxy works too', async () => {
    seen.length = 0;
    const run = await runCliAsync(['export', '--format', 'txt', `http://news.invalid:${port()}/story`], { env: { http_proxy: proxyUrl } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Through the proxy');
    expect(seen.length).toBeGreaterThan(0);
  });

  it('NO_PROXY sends a listed host straight to it, past the proxy', async () => {
    seen.length = 0;
    const run = await runCliAsync(['--print', origin.url('/story')], { env: { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The harbour reopened on Tuesday');
    expect(seen).toEqual([]);
  });

  it('without a proxy variable, a name that does not resolve fails as a network error', async () => {
    seen.length = 0;
    const run = await runCliAsync(['--print', `http://news.invalid:${port()}/story`]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^inkwire: http:\/\/news\.invalid:\d+\/story: .+\n$/);
    expect(seen).toEqual([]);
  });

  it('a proxy that is down is reported in one line', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    const run = await runCliAsync(['--print', `http://news.invalid:${port()}/story`], { env: { HTTP_PROXY: deadUrl } });
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^inkwire: /);
  });
});
