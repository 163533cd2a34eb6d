-- Award rules that need integer decisions (issue 12): an offer's minimum order and lot size, a
-- supplier's fixed cost (in the currency of the plans that use it) and a policy's supplier counts
-- per material. All optional: NULL means no such rule, so existing rows keep their meaning.
ALTER TABLE offer ADD COLUMN min_quantity DOUBLE PRECISION;
ALTER TABLE offer ADD COLUMN lot_size DOUBLE PRECISION;
ALTER TABLE supplier ADD COLUMN fixed_cost DOUBLE PRECISION;
ALTER TABLE sourcing_policy ADD COLUMN min_suppliers INTEGER;
ALTER TABLE sourcing_policy ADD COLUMN max_suppliers INTEGER;
