-- The role the procurement subgraph acts as (connections start with `role=procurement_app`): it may read and write
-- the procurement schema's tables and nothing else. Migrations run as the database owner and own the tables.
DO $$
BEGIN
  CREATE ROLE procurement_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- roles are cluster-wide: another database of this cluster created it already
END
$$;

-- The login that runs the subgraph switches to the role at connect time, so it must be a member.
GRANT procurement_app TO CURRENT_USER;

REVOKE ALL ON SCHEMA procurement FROM PUBLIC;
GRANT USAGE ON SCHEMA procurement TO procurement_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA procurement GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO procurement_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA procurement GRANT USAGE, SELECT ON SEQUENCES TO procurement_app;
