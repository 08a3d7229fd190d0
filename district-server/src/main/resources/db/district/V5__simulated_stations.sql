-- Stations of the simulated district (./station demo, docs/demo.md): flagged so that the console can
-- label them and a report can leave them out. Real stations are never simulated.
ALTER TABLE station ADD COLUMN simulated BOOLEAN NOT NULL DEFAULT false;
