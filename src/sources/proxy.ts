import type { Dispatcher } from 'undici';

// HTTPS_PROXY, HTTP_PROXY and NO_PROXY (or their lowercase forms), as curl, git and npm read
// them. Node's fetch ignores them (before Node 24's NODE_USE_ENV_PROXY), so when one is set
// every request goes through undici's EnvHttpProxyAgent, which reads the same variables,
// and picks the proxy (or none, for a NO_PROXY host) per address. undici is loaded only then:
// a reader with no proxy pays nothing for it.

const PROXY_VARIABLES = ['HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy'];

/** True when the environment names a proxy for web requests. */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => (env[name] ?? '').trim() !== '');
}

let agent: Promise<Dispatcher> | undefined;

/** The dispatcher for Node's fetch: the proxy agent when a proxy is configured, else none. */
export function proxyDispatcher(env: NodeJS.ProcessEnv = process.env): Promise<Dispatcher> | undefined {
  if (!proxyConfigured(env)) return undefined;
  agent ??= import('./proxy-agent.js').then(({ createProxyAgent }) => createProxyAgent());
  return agent;
}
