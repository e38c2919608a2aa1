-- The crawl database as schema version 1 wrote it (crawl_store_sqlite.cc), kept to test
-- the migration to later versions on a database made by the old code.
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta(key, value) VALUES('schema_version', '1');
CREATE TABLE urls(
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,            -- normalised (qingxi::fetch::NormalizeUrl)
  site_key TEXT NOT NULL,              -- registrable domain (public suffix list)
  status TEXT NOT NULL DEFAULT 'new',  -- new/queued/fetched/not_modified/error/disallowed/gone
  http_status INTEGER NOT NULL DEFAULT 0,
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL DEFAULT '',  -- of the cleaned text
  body_hash TEXT NOT NULL DEFAULT '',     -- of the raw body
  first_fetch INTEGER NOT NULL DEFAULT 0,
  last_fetch INTEGER NOT NULL DEFAULT 0,
  last_change INTEGER NOT NULL DEFAULT 0,
  next_due INTEGER NOT NULL,           -- while queued: when the lease expires
  change_interval INTEGER NOT NULL,    -- seconds, adapted to how often the page changes
  failures INTEGER NOT NULL DEFAULT 0, -- consecutive
  fetch_count INTEGER NOT NULL DEFAULT 0,
  since_full INTEGER NOT NULL DEFAULT 0,  -- conditional fetches since the last full one
  depth INTEGER NOT NULL DEFAULT 0,
  discovered_from TEXT NOT NULL DEFAULT '',
  added_at INTEGER NOT NULL
);
CREATE INDEX urls_due ON urls(next_due, id);
CREATE INDEX urls_site ON urls(site_key);
CREATE INDEX urls_queued ON urls(status) WHERE status = 'queued';  -- ReleaseLeases
CREATE TABLE outputs(
  doc_id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  written_at INTEGER NOT NULL,
  corpus TEXT NOT NULL DEFAULT '',
  corpus_offset INTEGER NOT NULL DEFAULT -1
);
CREATE UNIQUE INDEX outputs_url_hash ON outputs(url, content_hash);
CREATE TABLE corpora(
  corpus TEXT PRIMARY KEY,             -- a corpus file path
  end_offset INTEGER NOT NULL          -- just past the last line marked written
);
-- A small crawl: a front page whose links were followed, two of its pages (one failing),
-- a page refused for its address and one disallowed by robots.txt; one document written.
INSERT INTO urls(url, site_key, status, http_status, content_hash, first_fetch, last_fetch, next_due, change_interval, depth, discovered_from, added_at) VALUES('http://news.example.cn/', 'example.cn', 'fetched', 200, '00000000000000a1', 900, 900, 90000, 86400, 0, '', 800);
INSERT INTO urls(url, site_key, status, http_status, content_hash, first_fetch, last_fetch, next_due, change_interval, depth, discovered_from, added_at) VALUES('http://news.example.cn/a.html', 'example.cn', 'not_modified', 304, '00000000000000a2', 900, 900, 90000, 86400, 1, 'http://news.example.cn/', 800);
INSERT INTO urls(url, site_key, status, http_status, content_hash, first_fetch, last_fetch, next_due, change_interval, depth, discovered_from, added_at) VALUES('http://news.example.cn/b.html', 'example.cn', 'error', 503, '', 900, 900, 1200, 86400, 1, 'http://news.example.cn/', 800);
INSERT INTO urls(url, site_key, status, http_status, content_hash, first_fetch, last_fetch, next_due, change_interval, depth, discovered_from, added_at) VALUES('http://10.0.0.7/intranet.html', '10.0.0.7', 'refused', 0, '', 0, 0, 2600000, 86400, 0, '', 800);
INSERT INTO urls(url, site_key, status, http_status, content_hash, first_fetch, last_fetch, next_due, change_interval, depth, discovered_from, added_at) VALUES('http://news.example.cn/private/x.html', 'example.cn', 'disallowed', 0, '', 0, 0, 87400, 86400, 1, 'http://news.example.cn/', 800);
INSERT INTO outputs(doc_id, url, content_hash, written_at, corpus, corpus_offset) VALUES('d1', 'http://news.example.cn/', '00000000000000a1', 900, 'corpus.jsonl', 120);
INSERT INTO corpora(corpus, end_offset) VALUES('corpus.jsonl', 120);
