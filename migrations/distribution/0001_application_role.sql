-- The role the distribution subgraph acts as (connections start with `role=distribution_app`): it may read and write
-- the distribution schema's tables and nothing else. Migrations run as the database owner and own the tables.
DO $$
BEGIN
  CREATE ROLE distribution_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- roles are cluster-wide: another database of this cluster created it already
END
$$;

-- The login that runs the subgraph switches to the role at connect time, so it must be a member.
GRANT distribution_app TO CURRENT_USER;

REVOKE ALL ON SCHEMA distribution FROM PUBLIC;
GRANT USAGE ON SCHEMA distribution TO distribution_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA distribution GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO distribution_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA distribution GRANT USAGE, SELECT ON SEQUENCES TO distribution_app;
