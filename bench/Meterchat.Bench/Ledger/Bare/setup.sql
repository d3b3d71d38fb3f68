CREATE TABLE acc(id bigint PRIMARY KEY, balance bigint NOT NULL);
INSERT INTO acc SELECT g, 1000000000000 FROM generate_series(1, 1101) g;
CREATE TABLE tr(id bigserial PRIMARY KEY, key text UNIQUE NOT NULL, kind int NOT NULL, ref text, created timestamptz NOT NULL, fp text NOT NULL);
CREATE INDEX ON tr(ref);
CREATE TABLE leg(id bigserial PRIMARY KEY, tid bigint NOT NULL, aid bigint NOT NULL, amount bigint NOT NULL);
CREATE INDEX ON leg(aid, tid);
CREATE INDEX ON leg(tid);
