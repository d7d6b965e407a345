// Set by the bundler from package.json; running from source reports a dev version.
declare const INKWIRE_VERSION: string | undefined;

export const VERSION: string = typeof INKWIRE_VERSION === 'string' ? INKWIRE_VERSION : '0.0.0-dev';
