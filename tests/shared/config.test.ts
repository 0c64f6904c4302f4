import { baseConfigSchema, ConfigError, jwtSettings, loadConfig } from '../../subgraphs/shared/config';
import { loadGatewayConfig } from '../../gateway/config';

describe('configuration', () => {
  it('fails fast, naming every bad value', () => {
    expect(() => loadGatewayConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadGatewayConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/LOG_LEVEL/);
    }
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadConfig(baseConfigSchema, { JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('refuses to run production on the development secret', () => {
    expect(() => jwtSettings(loadConfig(baseConfigSchema, { NODE_ENV: 'production' }))).toThrow(/JWT_SECRET or JWKS_URL/);
  });

  it('serves the checked-in supergraph in production and composes live only in development', () => {
    expect(loadGatewayConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).SUPERGRAPH_SOURCE).toBe('file');
    expect(loadGatewayConfig({}).SUPERGRAPH_SOURCE).toBe('introspect');
  });
});

describe('empty variables', () => {
  it('treat an empty value as unset, as docker-compose passes them', () => {
    expect(loadGatewayConfig({ JWKS_URL: '', JWT_SECRET: '' }).JWKS_URL).toBeUndefined();
  });
});
