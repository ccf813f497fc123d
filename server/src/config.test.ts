// PUBLIC_URL: the address links that leave the app are written with (the chat text's), checked once at start;
// DATABASE_REPLICA_URL: only beside DATABASE_URL.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { baseUrlOf } from './http/app';

describe('PUBLIC_URL', () => {
  it('is kept without its trailing slash, and links use it over the request’s own address', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://huzhu.example.cn/' }, { memory: true });
    expect(config.publicUrl).toBe('https://huzhu.example.cn');
    const req = { protocol: 'http', get: () => '10.0.0.5:4000' } as never;
    expect(baseUrlOf(req, config.publicUrl)).toBe('https://huzhu.example.cn');
    expect(baseUrlOf(req, loadConfig({}, { memory: true }).publicUrl)).toBe('http://10.0.0.5:4000');
  });

  it('refuses an address that is not http(s)', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'huzhu.example.cn' }, { memory: true })).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://huzhu.example.cn' }, { memory: true })).toThrow(ConfigError);
  });
});

describe('DATABASE_REPLICA_URL', () => {
  const secret = { JWT_SECRET: 'x'.repeat(32) };

  it('is kept beside DATABASE_URL', () => {
    const env = { ...secret, DATABASE_URL: 'postgres://a/huzhu', DATABASE_REPLICA_URL: 'postgres://b/huzhu' };
    expect(loadConfig(env).databaseReplicaUrl).toBe('postgres://b/huzhu');
    expect(loadConfig({ ...secret, DATABASE_URL: 'postgres://a/huzhu' }).databaseReplicaUrl).toBeUndefined();
  });

  it('is refused on the embedded database, which has no replicas, and when not a postgres:// URL', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://b/huzhu' }, { memory: true })).toThrow(
      /DATABASE_REPLICA_URL needs DATABASE_URL/,
    );
    const env = { ...secret, DATABASE_URL: 'postgres://a/huzhu', DATABASE_REPLICA_URL: 'b:5432' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });
});
