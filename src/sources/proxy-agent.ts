import { EnvHttpProxyAgent } from 'undici';

/** The agent that sends each request to the proxy HTTPS_PROXY/HTTP_PROXY name, or past it for NO_PROXY. */
export function createProxyAgent(): EnvHttpProxyAgent {
  return new EnvHttpProxyAgent();
}
