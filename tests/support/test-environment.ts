/** What global setup hands to the test workers, through the environment. */
export const TEST_ENV = {
  /** Admin URL of a maintenance database on the test server (where test databases are created). */
  adminUrl: 'VBP_TEST_ADMIN_URL',
  /** Name of the migrated template database each test file copies. */
  template: 'VBP_TEST_TEMPLATE',
} as const;

/** The secret the tests sign tokens with (the services under test are configured with it too). */
export const TEST_JWT = { kind: 'secret' as const, secret: 'test-secret-0123456789-0123456789-abcdef', issuer: 'vbp-hub', audience: 'vbp-hub' };

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (global setup prepares the database)`);
  return value;
}

/** The same server as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
