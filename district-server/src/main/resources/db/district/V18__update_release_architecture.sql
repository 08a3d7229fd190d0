-- Decision 0255: the Debian architecture of a published package (read from its control file),
-- signed into the manifest so that a station of another architecture refuses it before the
-- download. NULL for releases published before this column.
ALTER TABLE update_release ADD COLUMN architecture text;
