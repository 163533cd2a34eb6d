-- User-defined processing stages (issue 9: a checked stage vocabulary). The built-in stages (MINING,
-- SEPARATION, REFINING, METAL, MAGNET and the reserved SUPPLY) are not rows. Offers and policies keep
-- the stages they name inside their JSON columns; deleting a stage still named there is refused (409)
-- by the service, which locks the stage rows it refers to while it writes.
CREATE TABLE stage (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
