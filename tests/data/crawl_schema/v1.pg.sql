-- The crawl database as schema version 1 wrote it (crawl_store_pg.cc), kept to test
-- the migration to later versions on a database made by the old code.
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta(key, value) VALUES('schema_version', '1'), ('buckets', '4096');
CREATE TABLE urls(
  id BIGSERIAL PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  site_key TEXT NOT NULL,
  bucket INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'new',
  http_status INTEGER NOT NULL DEFAULT 0,
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL DEFAULT '',
  body_hash TEXT NOT NULL DEFAULT '',
  first_fetch BIGINT NOT NULL DEFAULT 0,
  last_fetch BIGINT NOT NULL DEFAULT 0,
  last_change BIGINT NOT NULL DEFAULT 0,
  next_due BIGINT NOT NULL,
  change_interval BIGINT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  fetch_count BIGINT NOT NULL DEFAULT 0,
  since_full INTEGER NOT NULL DEFAULT 0,
  depth INTEGER NOT NULL DEFAULT 0,
  discovered_from TEXT NOT NULL DEFAULT '',
  added_at BIGINT NOT NULL
);
CREATE INDEX urls_due ON urls(next_due, id);
CREATE INDEX urls_site ON urls(site_key);
CREATE INDEX urls_bucket_due ON urls(bucket, next_due, id);
CREATE INDEX urls_queued ON urls(bucket) WHERE status = 'queued';
CREATE TABLE outputs(
  doc_id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  written_at BIGINT NOT NULL,
  corpus TEXT NOT NULL DEFAULT '',
  corpus_offset BIGINT NOT NULL DEFAULT -1
);
CREATE UNIQUE INDEX outputs_url_hash ON outputs(url, content_hash);
CREATE TABLE corpora(
  corpus TEXT PRIMARY KEY,
  end_offset BIGINT NOT NULL
);
CREATE TABLE hosts(
  site_key TEXT PRIMARY KEY,
  bucket INTEGER NOT NULL
);
CREATE TABLE buckets(
  bucket INTEGER PRIMARY KEY,
  owner TEXT NOT NULL DEFAULT '',
  lease_until BIGINT NOT NULL DEFAULT 0,
  claimed BOOLEAN NOT NULL DEFAULT false  -- the owner has claimed URLs from it
);
CREATE TABLE crawlers(
  owner TEXT PRIMARY KEY,
  alive_until BIGINT NOT NULL
);
-- A small crawl: a front page whose links were followed, two of its pages (one failing),
-- a page refused for its address and one disallowed by robots.txt; one document written.
INSERT INTO urls(url, site_key, bucket, status, http_status, content_hash, first_fetch, last_fetch, next_due, change_interval, depth, discovered_from, added_at) VALUES('http://news.example.cn/', 'example.cn', 0, 'fetched', 200, '00000000000000a1', 900, 900, 90000, 86400, 0, '', 800);
INSERT INTO urls(url, site_key, bucket, status, http_status, content_hash, first_fetch, last_fetch, next_due, change_interval, depth, discovered_from, added_at) VALUES('http://news.example.cn/a.html', 'example.cn', 0, 'not_modified', 304, '00000000000000a2', 900, 900, 90000, 86400, 1, 'http://news.example.cn/', 800);
INSERT INTO urls(url, site_key, bucket, status, http_status, content_hash, first_fetch, last_fetch, next_due, change_interval, depth, discovered_from, added_at) VALUES('http://news.example.cn/b.html', 'example.cn', 0, 'error', 503, '', 900, 900, 1200, 86400, 1, 'http://news.example.cn/', 800);
INSERT INTO urls(url, site_key, bucket, status, http_status, content_hash, first_fetch, last_fetch, next_due, change_interval, depth, discovered_from, added_at) VALUES('http://10.0.0.7/intranet.html', '10.0.0.7', 0, 'refused', 0, '', 0, 0, 2600000, 86400, 0, '', 800);
INSERT INTO urls(url, site_key, bucket, status, http_status, content_hash, first_fetch, last_fetch, next_due, change_interval, depth, discovered_from, added_at) VALUES('http://news.example.cn/private/x.html', 'example.cn', 0, 'disallowed', 0, '', 0, 0, 87400, 86400, 1, 'http://news.example.cn/', 800);
INSERT INTO outputs(doc_id, url, content_hash, written_at, corpus, corpus_offset) VALUES('d1', 'http://news.example.cn/', '00000000000000a1', 900, 'corpus.jsonl', 120);
INSERT INTO corpora(corpus, end_offset) VALUES('corpus.jsonl', 120);
