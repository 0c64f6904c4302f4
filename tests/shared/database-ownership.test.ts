import { mkdtempSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPHS } from '../../subgraphs/shared/db/data-source';
import { createDataSource } from '../../subgraphs/shared/db/data-source';
import { migrate, migrationsDirectory } from '../../subgraphs/shared/db/migrate';
import { createTestDatabase, TestDatabase } from '../support/database';

/** One table each subgraph owns, to probe access with. */
const OWN_TABLE = { procurement: 'procurement.product', insurance: 'insurance.payment_standard', quality: 'quality.inspection', distribution: 'distribution.enterprise' };

describe('each subgraph owns its schema', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it.each(SUBGRAPHS)('%s connects as its own non-superuser role', async (subgraph) => {
    const source = createDataSource({ url: db.url, subgraph, entities: [] });
    await source.initialize();
    try {
      const [who] = await source.query('SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser');
      expect(who).toEqual({ role: `${subgraph}_app`, superuser: false });
      await expect(source.query(`SELECT count(*) FROM ${OWN_TABLE[subgraph]}`)).resolves.toBeDefined();
      for (const other of SUBGRAPHS.filter((s) => s !== subgraph)) {
        await expect(source.query(`SELECT count(*) FROM ${OWN_TABLE[other]}`)).rejects.toThrow(/permission denied/);
      }
      await expect(source.query(`CREATE TABLE ${subgraph}.sneaky (id int)`)).rejects.toThrow(/permission denied/);
      await expect(source.query(`SELECT count(*) FROM ${subgraph}.schema_migrations`)).rejects.toThrow(/permission denied/);
    } finally {
      await source.destroy();
    }
  });

  it('applies migrations once: a second run changes nothing', async () => {
    for (const subgraph of SUBGRAPHS) expect(await migrate({ url: db.url, subgraph })).toEqual([]);
  });

  it('refuses to start when an applied migration was edited (forward-only)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vbp-migrations-'));
    for (const file of readdirSync(migrationsDirectory('quality'))) copyFileSync(join(migrationsDirectory('quality'), file), join(dir, file));
    writeFileSync(join(dir, '0002_inspections.sql'), '-- edited after the fact\nSELECT 1;');
    await expect(migrate({ url: db.url, subgraph: 'quality', directory: dir })).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls back a failing migration whole and records nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vbp-migrations-'));
    for (const file of readdirSync(migrationsDirectory('quality'))) copyFileSync(join(migrationsDirectory('quality'), file), join(dir, file));
    writeFileSync(join(dir, '9999_broken.sql'), 'CREATE TABLE quality.half_done (id int);\nSELECT * FROM no_such_table;');
    await expect(migrate({ url: db.url, subgraph: 'quality', directory: dir })).rejects.toThrow(/9999_broken.sql failed/);
    expect(await db.query("SELECT to_regclass('quality.half_done') AS t")).toEqual([{ t: null }]);
    expect(await db.query("SELECT count(*)::int AS n FROM quality.schema_migrations WHERE version = '9999'")).toEqual([{ n: 0 }]);
  });
});
