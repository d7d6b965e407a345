// Why a request failed, in words. Node's fetch (undici) rejects with "fetch failed" or
// "terminated" and puts the reason in a chain of `cause`s: a system error code (ECONNREFUSED),
// one of undici's own (UND_ERR_SOCKET), an HTTP parser code (HPE_INVALID_CONSTANT), a TLS or
// zlib code, or a bare message ("bad port"). The first cause with a known meaning names it.

const BY_CODE: Record<string, string> = {
  ENOTFOUND: 'host not found (offline, or a mistyped address?)',
  EAI_AGAIN: 'host not found (offline, or a mistyped address?)',
  EAI_FAIL: 'host not found (the name server failed)',
  EAI_NONAME: 'host not found (offline, or a mistyped address?)',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection lost while reading',
  EPIPE: 'connection lost while sending the request',
  ECONNABORTED: 'connection lost (aborted)',
  UND_ERR_SOCKET: 'connection lost while reading',
  UND_ERR_CLOSED: 'connection lost while reading',
  EHOSTUNREACH: 'host unreachable (no route to it)',
  ENETUNREACH: 'network unreachable (offline?)',
  ENETDOWN: 'network is down (offline?)',
  EADDRNOTAVAIL: 'cannot connect from this machine (address not available)',
  ETIMEDOUT: 'could not connect (timed out)',
  UND_ERR_CONNECT_TIMEOUT: 'could not connect (timed out)',
  UND_ERR_HEADERS_TIMEOUT: 'the server sent no answer in time',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending the page',
  UND_ERR_HEADERS_OVERFLOW: 'the server sent headers too large to accept',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the response does not match its stated length',
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: 'the request does not match its stated length',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'the response is too large',
  UND_ERR_NOT_SUPPORTED: 'the server asked for something inkwire does not support',
  ERR_UNESCAPED_CHARACTERS: 'the address holds characters that cannot be sent (spaces or control characters)',
  ERR_INVALID_URL: 'not a valid web address',
  ERR_INVALID_CHAR: 'a request header holds characters that cannot be sent',
  ERR_INVALID_HTTP_TOKEN: 'a request header holds characters that cannot be sent',
  Z_DATA_ERROR: 'compressed response is corrupt or cut short',
  Z_BUF_ERROR: 'compressed response is corrupt or cut short',
  ERR_BROTLI_DECOMPRESSION_FAILED: 'compressed response is corrupt or cut short',
  ERR_SSL_WRONG_VERSION_NUMBER: 'secure connection failed (is it an http:// address, not https://?)',
  CERT_HAS_EXPIRED: 'secure connection failed (the certificate has expired)',
  CERT_NOT_YET_VALID: 'secure connection failed (the certificate is not valid yet)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'secure connection failed (the certificate is for another host)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'secure connection failed (a self-signed certificate)',
  SELF_SIGNED_CERT_IN_CHAIN: 'secure connection failed (a self-signed certificate in the chain)',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'secure connection failed (a certificate from an unknown authority)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'secure connection failed (a certificate from an unknown authority)',
  UNABLE_TO_GET_ISSUER_CERT: 'secure connection failed (a certificate from an unknown authority)',
  CERT_REVOKED: 'secure connection failed (the certificate was revoked)',
  EPROTO: 'secure connection failed (protocol error)',
};

interface Cause {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** One sentence for a failed request, from the first cause in the chain that means something. */
export function networkReason(error: unknown, url?: URL): string {
  let innermost: Cause | undefined;
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const cause = current as Cause;
    const code = typeof cause.code === 'string' ? cause.code : '';
    const message = typeof cause.message === 'string' ? cause.message : '';
    const known = BY_CODE[code] ?? byCodeFamily(code) ?? (cause.name === 'HTTPParserError' ? "the server's answer is not valid HTTP" : undefined) ?? byMessage(message, url);
    if (known) return known;
    // undici's "terminated" with nothing beneath: the body stopped arriving.
    if (/terminated|other side closed/i.test(message) && !cause.cause) return 'connection lost while reading';
    innermost = cause;
    current = cause.cause;
  }
  const code = typeof innermost?.code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(innermost.code) ? innermost.code : undefined;
  return code ? `request failed (${code})` : 'request failed';
}

function byCodeFamily(code: string): string | undefined {
  // Without the parser's code: Node 24's fetch no longer gives one, and the line should read
  // the same on every Node.
  if (code.startsWith('HPE_')) return "the server's answer is not valid HTTP";
  if (/^ERR_SSL_|^ERR_TLS_|CERT/.test(code)) return `secure connection failed (${code})`;
  if (/^Z_|BROTLI|^ERR__ERROR_FORMAT/.test(code)) return 'compressed response is corrupt or cut short';
  return undefined;
}

function byMessage(message: string, url: URL | undefined): string | undefined {
  if (message === 'bad port') {
    const port = url?.port ? `port ${url.port}` : 'this port';
    return `${port} is blocked by the Fetch standard, which Node follows (it belongs to another service, such as mail or X11); serve the page on another port`;
  }
  if (/^Decompression failed|^(?:incorrect|unknown) (?:header|compression)/i.test(message)) return 'compressed response is corrupt or cut short';
  return undefined;
}
