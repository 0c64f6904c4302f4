-- The role the quality subgraph acts as (connections start with `role=quality_app`): it may read and write
-- the quality schema's tables and nothing else. Migrations run as the database owner and own the tables.
DO $$
BEGIN
  CREATE ROLE quality_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- roles are cluster-wide: another database of this cluster created it already
END
$$;

-- The login that runs the subgraph switches to the role at connect time, so it must be a member.
GRANT quality_app TO CURRENT_USER;

REVOKE ALL ON SCHEMA quality FROM PUBLIC;
GRANT USAGE ON SCHEMA quality TO quality_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA quality GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO quality_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA quality GRANT USAGE, SELECT ON SEQUENCES TO quality_app;
