BEGIN;
WITH t AS (INSERT INTO tr(key, kind, ref, created, fp) SELECT 'unit:' || md5(random()::text || g), 1, 'session', now(), md5(g::text) FROM generate_series(1, 1000) g RETURNING id)
INSERT INTO leg(tid, aid, amount) SELECT id, id % 1000 + 1, -20000 FROM t UNION ALL SELECT id, 1001 + id % 100, 15000 FROM t UNION ALL SELECT id, 1101, 5000 FROM t;
UPDATE acc SET balance = balance - 20000 WHERE id BETWEEN 1 AND 1000;
UPDATE acc SET balance = balance + 150000 WHERE id BETWEEN 1001 AND 1100;
UPDATE acc SET balance = balance + 5000000 WHERE id = 1101;
COMMIT;
