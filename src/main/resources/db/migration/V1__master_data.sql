-- Master data. Portable between H2 (PostgreSQL mode) and PostgreSQL: no timestamptz alias, no arrays.
CREATE TABLE material (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    unit        VARCHAR(16)  NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE supplier (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    country     VARCHAR(2)   NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE offer (
    id          VARCHAR(64)  PRIMARY KEY,
    supplier_id VARCHAR(64)  NOT NULL REFERENCES supplier (id),
    material_id VARCHAR(64)  NOT NULL REFERENCES material (id),
    country     VARCHAR(2)   NOT NULL,
    capacity    DOUBLE PRECISION NOT NULL,
    unit_price  DOUBLE PRECISION NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    -- stage -> country as a JSON object, e.g. {"MINING":"MM","SEPARATION":"CN"}
    origins     VARCHAR(4000),
    valid_from  DATE,
    valid_to    DATE,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX offer_material_idx ON offer (material_id);
CREATE INDEX offer_supplier_idx ON offer (supplier_id);
CREATE INDEX offer_country_idx ON offer (country);

CREATE TABLE country_group (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    -- comma-separated ISO 3166-1 alpha-2 codes, sorted
    countries   VARCHAR(2000) NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sourcing_policy (
    id                 VARCHAR(64)  PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    description        VARCHAR(4000),
    extends_preset     VARCHAR(64),
    max_country_share  DOUBLE PRECISION,
    max_supplier_share DOUBLE PRECISION,
    -- JSON arrays of limit objects, and a comma-separated list of countries
    country_limits     TEXT,
    group_limits       TEXT,
    excluded_countries VARCHAR(2000),
    version            BIGINT       NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
