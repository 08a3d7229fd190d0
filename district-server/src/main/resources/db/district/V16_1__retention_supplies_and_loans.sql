-- Retention (decision 0203) of the records beside visits: a handout or rating of a purged visit
-- keeps the member's pseudonym (16 hex digits) here, so the supplies and ratings tables count the
-- same distinct members after the visit row is gone; NULL while the visit is kept (or for a guest).
ALTER TABLE supply_movement ADD COLUMN purged_member TEXT;
ALTER TABLE rating ADD COLUMN purged_member TEXT;
