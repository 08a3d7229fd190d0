-- Decision 0285: a release per version and architecture. Each station reports its Debian
-- architecture in its birth message; the district offers it the release built for it, and each
-- architecture's release has its own canary wave and state (a failed armhf canary does not stop
-- the arm64 rollout). A release published before its architecture was recorded (decision 0255)
-- names none in its manifest and is installable everywhere: it becomes architecture 'all'.
ALTER TABLE station ADD COLUMN architecture text;

UPDATE update_release SET architecture = 'all' WHERE architecture IS NULL;
ALTER TABLE update_release ALTER COLUMN architecture SET NOT NULL;

ALTER TABLE station_update ADD COLUMN architecture text;
UPDATE station_update su SET architecture = r.architecture
  FROM update_release r WHERE r.district_id = su.district_id AND r.version = su.version;
ALTER TABLE station_update ALTER COLUMN architecture SET NOT NULL;

ALTER TABLE station_update DROP CONSTRAINT station_update_district_id_version_fkey;
ALTER TABLE update_release DROP CONSTRAINT update_release_pkey;
ALTER TABLE update_release ADD PRIMARY KEY (district_id, version, architecture);
ALTER TABLE station_update ADD FOREIGN KEY (district_id, version, architecture)
    REFERENCES update_release (district_id, version, architecture);
DROP INDEX station_update_release;
CREATE INDEX station_update_release ON station_update (district_id, version, architecture, wave);
