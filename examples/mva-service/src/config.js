// Configuration from the environment. Every missing or broken variable is reported at once, by name.

import { importJWK } from 'jose';

export class ConfigError extends Error {}

export const DEFAULT_RESOURCE = 'samsvar-mva-rapportering';

function base(url) {
  return url.endsWith('/') ? url : `${url}/`;
}

function parseUrl(name, value, problems) {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url.toString().replace(/\/$/, '');
  } catch {
    problems.push(`${name} is not an http(s) URL: "${value}"`);
    return undefined;
  }
}

/** Reads and checks the environment; throws ConfigError naming everything that is missing. */
export async function readConfig(env = process.env) {
  const problems = [];
  const skipPdp = env.SKIP_PDP === '1' || env.SKIP_PDP === 'true';

  const portText = env.PORT ?? '0';
  const port = /^\d{1,5}$/.test(portText) && Number(portText) <= 65535 ? Number(portText) : undefined;
  if (port === undefined) problems.push(`PORT must be a port number (0 for a free port), was "${portText}"`);

  const need = (name) => {
    const value = env[name];
    if (value === undefined || value.trim() === '') {
      problems.push(`${name} is not set`);
      return undefined;
    }
    return value.trim();
  };

  const maskinportenText = need('MASKINPORTEN_URL');
  const maskinportenUrl = maskinportenText && parseUrl('MASKINPORTEN_URL', maskinportenText, problems);

  let pdpUrl;
  let clientId;
  let keyId;
  let privateKey;
  if (!skipPdp) {
    const pdpText = need('PDP_URL');
    pdpUrl = pdpText && parseUrl('PDP_URL', pdpText, problems);
    clientId = need('CLIENT_ID');
    const jwkText = need('PRIVATE_KEY_JWK');
    if (jwkText) {
      try {
        const jwk = JSON.parse(jwkText);
        if (jwk === null || typeof jwk !== 'object' || jwk.kty !== 'RSA' || typeof jwk.d !== 'string') throw new Error('not a private RSA JWK');
        keyId = env.KEY_ID?.trim() || (typeof jwk.kid === 'string' ? jwk.kid : undefined);
        if (!keyId) problems.push('KEY_ID is not set and PRIVATE_KEY_JWK has no kid');
        privateKey = await importJWK(jwk, 'RS256');
      } catch (error) {
        problems.push(`PRIVATE_KEY_JWK must be a private RSA key as a JSON JWK (${error.message})`);
      }
    }
  }

  let publicUrl;
  if (env.PUBLIC_URL) publicUrl = parseUrl('PUBLIC_URL', env.PUBLIC_URL, problems);

  if (problems.length > 0) throw new ConfigError(`The MVA example service cannot start:\n  - ${problems.join('\n  - ')}`);

  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port,
    publicUrl,
    maskinportenUrl,
    pdpUrl,
    clientId,
    keyId,
    privateKey,
    resource: env.RESOURCE?.trim() || DEFAULT_RESOURCE,
    skipPdp,
    log: env.LOG === '1',
  };
}

/** RFC 8414 metadata of the Maskinporten at `maskinportenUrl`: issuer, jwks_uri, token_endpoint. */
export async function readMaskinportenMetadata(maskinportenUrl) {
  const url = new URL('.well-known/oauth-authorization-server', base(maskinportenUrl));
  let response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new ConfigError(`Maskinporten's metadata at ${url} could not be read: ${error.message}`);
  }
  if (response.status !== 200) throw new ConfigError(`Maskinporten's metadata at ${url} answered ${response.status}.`);
  let metadata;
  try {
    metadata = await response.json();
  } catch {
    throw new ConfigError(`Maskinporten's metadata at ${url} is not JSON.`);
  }
  const missing = ['issuer', 'jwks_uri', 'token_endpoint'].filter((key) => typeof metadata?.[key] !== 'string' || metadata[key] === '');
  if (missing.length > 0) throw new ConfigError(`Maskinporten's metadata at ${url} lacks ${missing.join(', ')}.`);
  return {
    issuer: metadata.issuer,
    jwksUri: new URL(metadata.jwks_uri, url).toString(),
    tokenEndpoint: new URL(metadata.token_endpoint, url).toString(),
  };
}
