// Assert on plain text: colours off unless a test turns them on.
process.env.FORCE_COLOR = '0';
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// The tests serve pages on 127.0.0.1 and ask for them directly: a proxy set in the
// environment of whoever runs the suite must not stand in between (tests/web/proxy.test.ts
// sets its own).
for (const name of ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'https_proxy', 'http_proxy', 'no_proxy']) delete process.env[name];
