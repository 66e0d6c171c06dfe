-- Chronicle store, SQLite dialect. The PostgreSQL twin is schema_postgres.sql;
-- both keep the same tables and columns (docs/schema.md explains each one).
-- Every extracted field keeps the words it came from as <field>_text/_start/_end,
-- character offsets into articles.text.

CREATE TABLE IF NOT EXISTS articles (
    id            INTEGER PRIMARY KEY,          -- store-wide article number
    doc_id        TEXT NOT NULL,                -- the input's own id (file stem, JSONL id)
    source        TEXT,                         -- file path, JSONL line or WARC record
    url           TEXT,
    outlet        TEXT,                         -- who published it: the input's, the site's name or the URL's host
    title         TEXT,
    published     TEXT,                         -- YYYY-MM-DD when known
    content_hash  TEXT NOT NULL UNIQUE,         -- sha256 of the cleaned text: one row per story
    text          TEXT NOT NULL,                -- the cleaned text all offsets point into
    error_code    TEXT,                         -- E001..E010 (errors.py), NULL when processed
    error_message TEXT,
    ingested_at   TEXT NOT NULL,                -- UTC, ISO 8601
    chronicle_version TEXT,                     -- the Chronicle release that stored it
    pipeline      TEXT                          -- the spaCy pipeline and its version that read it
);

-- Every input seen (hash of its raw bytes), so a re-run or a resumed run skips it
-- before cleaning and parsing.
CREATE TABLE IF NOT EXISTS inputs (
    raw_hash    TEXT PRIMARY KEY,
    source      TEXT,
    article_id  INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    ingested_at TEXT NOT NULL
);

-- Inputs whose text repeats a stored article, each under its own id: every input id
-- read is in `articles` or here, once.
CREATE TABLE IF NOT EXISTS duplicates (
    doc_id      TEXT NOT NULL,                  -- the repeating input's own id
    source      TEXT,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the article it repeats
    ingested_at TEXT NOT NULL,
    PRIMARY KEY (doc_id, article_id)
);

CREATE TABLE IF NOT EXISTS events (
    id                   TEXT PRIMARY KEY,      -- '<article id>:<event id>', unique in the store
    article_id           INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id             TEXT NOT NULL,         -- the id within its article
    rank                 INTEGER NOT NULL,      -- 0 = the article's main event
    type                 TEXT NOT NULL,         -- PLOVER type
    mode                 TEXT,
    acled_event_type     TEXT,
    acled_sub_event_type TEXT,
    gtd_attack_type      TEXT,
    gtd_weapon_type      TEXT,
    status               TEXT,
    confidence           REAL,
    trigger_text         TEXT NOT NULL,
    trigger_start        INTEGER NOT NULL,
    trigger_end          INTEGER NOT NULL,
    sentence_start       INTEGER,
    sentence_end         INTEGER,
    date_value           TEXT,                  -- YYYY-MM-DD, YYYY-MM or YYYY
    date_precision       TEXT,
    date_text            TEXT,
    date_start           INTEGER,
    date_end             INTEGER,
    place_name           TEXT,
    place_country        TEXT,                  -- ISO 3166-1 alpha-3
    place_admin1         TEXT,
    place_lat            REAL,
    place_lon            REAL,
    place_precision      TEXT,
    place_text           TEXT,
    place_start          INTEGER,
    place_end            INTEGER,
    killed               INTEGER,
    killed_qualifier     TEXT,
    killed_text          TEXT,
    killed_start         INTEGER,
    killed_end           INTEGER,
    injured              INTEGER,
    injured_qualifier    TEXT,
    injured_text         TEXT,
    injured_start        INTEGER,
    injured_end          INTEGER,
    instrument_text      TEXT,
    instrument_start     INTEGER,
    instrument_end       INTEGER,
    repeats              TEXT,                  -- id (within the article) of the event this mention restates
    day_start            TEXT,                  -- first and last day the date can mean (YYYY-MM-DD; the article's
    day_end              TEXT,                  --   date when the event has none): what date filters and sorts read
    outlet               TEXT,                  -- the article's outlet, kept here so counts need not read articles
    record               TEXT NOT NULL,         -- the full contract EVENT as JSON
    incident_id          TEXT                   -- the incident it belongs to (incidents.id), NULL: none
);

CREATE TABLE IF NOT EXISTS event_actors (
    id         INTEGER PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN ('actor', 'target')),
    position   INTEGER NOT NULL,                -- order within its role
    name       TEXT,                            -- canonical name
    kind       TEXT,
    country    TEXT,
    title      TEXT,                            -- "Prime Minister", "spokesman"
    span_text  TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS statements (
    id              TEXT PRIMARY KEY,           -- '<article id>:<statement id>'
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    statement_id    TEXT NOT NULL,
    rank            INTEGER NOT NULL,           -- order within its article
    kind            TEXT,
    speaker_name    TEXT,
    speaker_kind    TEXT,
    speaker_country TEXT,
    speaker_text    TEXT,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    cue_text        TEXT NOT NULL,
    cue_start       INTEGER NOT NULL,
    cue_end         INTEGER NOT NULL,
    content_text    TEXT NOT NULL,
    content_start   INTEGER NOT NULL,
    content_end     INTEGER NOT NULL,
    via_name        TEXT,                       -- the nearest intermediary
    via_chain       TEXT,                       -- JSON list of intermediaries, nearest first
    event_id        TEXT REFERENCES events(id) ON DELETE SET NULL,
    hedged          INTEGER NOT NULL DEFAULT 0,
    record          TEXT NOT NULL               -- the full contract STATEMENT as JSON
);

-- Incidents: one row per real-world incident, merged from the reports of many articles
-- (src/chronicle/merge). Ids live: made from the first report, kept as reports join;
-- an incident merged into an older one is kept in incident_aliases.
CREATE TABLE IF NOT EXISTS incidents (
    id              TEXT PRIMARY KEY,           -- 'inc-' + 16 hex digits
    seq             INTEGER NOT NULL UNIQUE,       -- the order incidents were started in: older is smaller
    family          TEXT,                       -- violence, protest, coerce, ... (merge/data/merge.json)
    type            TEXT,                       -- the record's chosen values (record has the rest)
    mode            TEXT,
    status          TEXT,
    date_value      TEXT,
    date_precision  TEXT,
    place_name      TEXT,
    place_country   TEXT,
    place_admin1    TEXT,
    place_lat       REAL,
    place_lon       REAL,
    place_precision TEXT,
    killed          INTEGER,
    injured         INTEGER,
    n_reports       INTEGER NOT NULL DEFAULT 0, -- how many reports, and from how many articles
    n_articles      INTEGER NOT NULL DEFAULT 0,
    record          TEXT,                       -- the merged record as JSON (records.Incident)
    started_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- One row per report: an article's account of an event, and why it joined its incident.
CREATE TABLE IF NOT EXISTS incident_reports (
    report_key  TEXT PRIMARY KEY,               -- '<article text hash>:<event id>'
    incident_id TEXT NOT NULL,                  -- current incident (aliases resolved)
    event_id    TEXT NOT NULL,                  -- the events id ('<article id>:<event id>')
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL UNIQUE,           -- arrival order
    joined_with TEXT,                           -- report it scored best with; NULL: it started the incident
    score       REAL,
    evidence    TEXT,                           -- JSON: feature -> contribution (merge/evidence.py)
    report      TEXT NOT NULL,                  -- the report as JSON (merge.Report)
    signature   BLOB NOT NULL                 -- its article's text signature (merge/text.py)
);

-- Incidents merged into an older one: the alias, and the report that showed they were one.
CREATE TABLE IF NOT EXISTS incident_aliases (
    alias       TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL,                  -- the incident it was merged into (then, maybe an alias itself)
    merged_at   TEXT NOT NULL,
    report_key  TEXT,
    score       REAL,
    evidence    TEXT
);

-- Blocking keys: the incidents filed under each key (merge/blocking.py), the latest kept.
CREATE TABLE IF NOT EXISTS incident_keys (
    key         TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (key, incident_id)
);

-- The merge's running state: document frequencies of terms (merge/text.py TermCounts).
CREATE TABLE IF NOT EXISTS merge_state (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

CREATE INDEX IF NOT EXISTS incident_reports_incident ON incident_reports(incident_id, seq);
CREATE INDEX IF NOT EXISTS incident_reports_article ON incident_reports(article_id);
CREATE INDEX IF NOT EXISTS incident_keys_key ON incident_keys(key, seq);
CREATE INDEX IF NOT EXISTS incidents_date ON incidents(date_value);
CREATE INDEX IF NOT EXISTS incidents_country ON incidents(place_country);

CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_incident ON events(incident_id);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_country ON events(place_country);
CREATE INDEX IF NOT EXISTS events_date ON events(date_value);
CREATE INDEX IF NOT EXISTS events_status ON events(status);
CREATE INDEX IF NOT EXISTS events_mode ON events(mode);
CREATE INDEX IF NOT EXISTS events_sub_event ON events(acled_sub_event_type);
CREATE INDEX IF NOT EXISTS events_outlet ON events(outlet);
CREATE INDEX IF NOT EXISTS events_day ON events(day_start, day_end);
-- The desk's counts over the events it shows (restatements left out) read these alone,
-- never the wide rows: the list's order, the total and timeline, and each facet.
CREATE INDEX IF NOT EXISTS shown_day ON events(repeats, day_start, day_end, killed);
-- The list's default order (newest first, then each article's own order) with the ids it
-- pages by, read from the index alone: no sort of the whole store for a page.
CREATE INDEX IF NOT EXISTS events_order ON events(day_start DESC, article_id DESC, rank, id);
CREATE INDEX IF NOT EXISTS shown_order ON events(repeats, day_start DESC, article_id DESC, rank, id);
CREATE INDEX IF NOT EXISTS shown_type ON events(repeats, type);
CREATE INDEX IF NOT EXISTS shown_sub_event ON events(repeats, acled_sub_event_type);
CREATE INDEX IF NOT EXISTS shown_country ON events(repeats, place_country);
CREATE INDEX IF NOT EXISTS shown_status ON events(repeats, status);
CREATE INDEX IF NOT EXISTS shown_mode ON events(repeats, mode);
CREATE INDEX IF NOT EXISTS shown_outlet ON events(repeats, outlet);
-- What a join from event_actors (the actor facet) reads of each event, without its wide row.
CREATE INDEX IF NOT EXISTS events_facts ON events(id, repeats, type, acled_sub_event_type,
    place_country, status, mode, outlet, day_start, day_end, killed, injured);
CREATE INDEX IF NOT EXISTS actors_event ON event_actors(event_id);
CREATE INDEX IF NOT EXISTS actors_name ON event_actors(role, lower(name));
CREATE INDEX IF NOT EXISTS actors_facet ON event_actors(role, name, event_id);
CREATE INDEX IF NOT EXISTS statements_article ON statements(article_id);
CREATE INDEX IF NOT EXISTS statements_event ON statements(event_id);

-- Full-text search over title and text (query with: articles_fts MATCH 'drone').
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, content='articles', content_rowid='id'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
