-- The role the insurance subgraph acts as (connections start with `role=insurance_app`): it may read and write
-- the insurance schema's tables and nothing else. Migrations run as the database owner and own the tables.
DO $$
BEGIN
  CREATE ROLE insurance_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- roles are cluster-wide: another database of this cluster created it already
END
$$;

-- The login that runs the subgraph switches to the role at connect time, so it must be a member.
GRANT insurance_app TO CURRENT_USER;

REVOKE ALL ON SCHEMA insurance FROM PUBLIC;
GRANT USAGE ON SCHEMA insurance TO insurance_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA insurance GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO insurance_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA insurance GRANT USAGE, SELECT ON SEQUENCES TO insurance_app;
