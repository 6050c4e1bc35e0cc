#include "schema.h"

#include <string>

namespace geokg::store {

namespace {

// Migration i (0-based) takes the schema from version i to i+1.
// Never edit a released migration: append a new one.
const char* const kMigrations[] = {
    // 0 -> 1: tables and indexes.
    R"sql(
CREATE TABLE meta(
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('format', 'geokg-store');

CREATE TABLE documents(
  id           INTEGER PRIMARY KEY,
  doc_id       TEXT NOT NULL UNIQUE,
  url          TEXT NOT NULL DEFAULT '',
  title        TEXT NOT NULL DEFAULT '',
  date         TEXT NOT NULL DEFAULT '',
  lang         TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL,
  triples      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE entities(
  id         INTEGER PRIMARY KEY,
  entity_id  TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL DEFAULT 'other',
  in_catalog INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE aliases(
  lookup_key TEXT NOT NULL,
  entity_ref INTEGER NOT NULL REFERENCES entities(id),
  type       TEXT NOT NULL,
  alias      TEXT NOT NULL,
  lang       TEXT NOT NULL DEFAULT '',
  source     TEXT NOT NULL,
  PRIMARY KEY(lookup_key, entity_ref, type, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_by_entity ON aliases(entity_ref);

CREATE TABLE relation_types(
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  cameo       TEXT NOT NULL DEFAULT '',
  plover      TEXT NOT NULL DEFAULT '',
  quad_class  TEXT NOT NULL DEFAULT '',
  goldstein   REAL NOT NULL DEFAULT 0,
  symmetric   INTEGER NOT NULL DEFAULT 0,
  lasting     INTEGER NOT NULL DEFAULT 0,
  opposite    TEXT NOT NULL DEFAULT '',
  label_en    TEXT NOT NULL DEFAULT '',
  label_de    TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE evidence(
  id             INTEGER PRIMARY KEY,
  document_ref   INTEGER NOT NULL REFERENCES documents(id),
  sentence       INTEGER NOT NULL,
  subject_ref    INTEGER NOT NULL REFERENCES entities(id),
  relation_ref   INTEGER NOT NULL REFERENCES relation_types(id),
  object_ref     INTEGER NOT NULL REFERENCES entities(id),
  polarity       TEXT NOT NULL,
  modality       TEXT NOT NULL,
  event_date     TEXT NOT NULL,
  date_precision TEXT NOT NULL,
  confidence     REAL NOT NULL,
  span_start     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  text           TEXT NOT NULL,
  speaker        TEXT NOT NULL DEFAULT '',
  extractor      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX evidence_by_document ON evidence(document_ref);
CREATE INDEX evidence_by_triple ON evidence(subject_ref, object_ref, relation_ref);

CREATE TABLE edges(
  id             INTEGER PRIMARY KEY,
  subject_ref    INTEGER NOT NULL REFERENCES entities(id),
  relation_ref   INTEGER NOT NULL REFERENCES relation_types(id),
  object_ref     INTEGER NOT NULL REFERENCES entities(id),
  first_seen     TEXT NOT NULL,
  last_seen      TEXT NOT NULL,
  valid_from     TEXT NOT NULL,
  valid_to       TEXT NOT NULL DEFAULT '',
  evidence_count INTEGER NOT NULL,
  source_count   INTEGER NOT NULL,
  confidence     REAL NOT NULL,
  status         TEXT NOT NULL
);
CREATE INDEX edges_by_pair ON edges(subject_ref, object_ref, relation_ref);
CREATE INDEX edges_by_object ON edges(object_ref);
)sql",
    // 1 -> 2: views for the common joins (for the sqlite3 shell and exports).
    R"sql(
CREATE VIEW edges_named AS
SELECT e.id, s.entity_id AS subject, s.name AS subject_name, r.name AS relation,
       o.entity_id AS object, o.name AS object_name, e.status, e.valid_from, e.valid_to,
       e.first_seen, e.last_seen, e.evidence_count, e.source_count, e.confidence,
       r.cameo, r.plover, r.goldstein, r.symmetric, r.lasting
FROM edges e
JOIN entities s ON s.id = e.subject_ref
JOIN entities o ON o.id = e.object_ref
JOIN relation_types r ON r.id = e.relation_ref;

CREATE VIEW evidence_named AS
SELECT v.id, d.doc_id, d.date AS doc_date, d.lang, d.title, d.url, v.sentence,
       s.entity_id AS subject, s.name AS subject_name, r.name AS relation,
       o.entity_id AS object, o.name AS object_name, v.polarity, v.modality,
       v.event_date, v.date_precision, v.confidence, v.span_start, v.span_end, v.text,
       v.speaker, v.extractor
FROM evidence v
JOIN documents d ON d.id = v.document_ref
JOIN entities s ON s.id = v.subject_ref
JOIN entities o ON o.id = v.object_ref
JOIN relation_types r ON r.id = v.relation_ref;

CREATE VIEW entity_names AS
SELECT e.entity_id, e.name, e.kind, a.type, a.lang, a.alias, a.lookup_key, a.source
FROM aliases a JOIN entities e ON e.id = a.entity_ref;
)sql",
    // 2 -> 3: smaller evidence rows. The physical table evidence_rows keeps
    // polarity, modality and date_precision as small integers (the order of
    // the C++ enums) and the extractor interned; each document's evidence is
    // one contiguous id range [documents.evidence_first, + triples), so no
    // index on document_ref is needed. A view `evidence` keeps the v2 columns
    // (text values) for readers, older code paths and the sqlite3 shell.
    R"sql(
CREATE TABLE extractors(
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
INSERT INTO extractors(name) SELECT DISTINCT extractor FROM evidence ORDER BY extractor;

ALTER TABLE documents ADD COLUMN evidence_first INTEGER NOT NULL DEFAULT 0;

CREATE TABLE evidence_rows(
  id             INTEGER PRIMARY KEY,
  document_ref   INTEGER NOT NULL REFERENCES documents(id),
  sentence       INTEGER NOT NULL,
  subject_ref    INTEGER NOT NULL REFERENCES entities(id),
  relation_ref   INTEGER NOT NULL REFERENCES relation_types(id),
  object_ref     INTEGER NOT NULL REFERENCES entities(id),
  polarity       INTEGER NOT NULL,
  modality       INTEGER NOT NULL,
  event_date     TEXT NOT NULL,
  date_precision INTEGER NOT NULL,
  confidence     REAL NOT NULL,
  span_start     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  text           TEXT NOT NULL,
  speaker        TEXT NOT NULL DEFAULT '',
  extractor_ref  INTEGER NOT NULL REFERENCES extractors(id)
);
-- Renumbered by document; an unknown text value fails the migration (NULL).
INSERT INTO evidence_rows(id, document_ref, sentence, subject_ref, relation_ref, object_ref,
                          polarity, modality, event_date, date_precision, confidence,
                          span_start, span_end, text, speaker, extractor_ref)
SELECT row_number() OVER (ORDER BY v.document_ref, v.id), v.document_ref, v.sentence,
       v.subject_ref, v.relation_ref, v.object_ref,
       CASE v.polarity WHEN 'positive' THEN 0 WHEN 'negative' THEN 1 END,
       CASE v.modality WHEN 'asserted' THEN 0 WHEN 'reported' THEN 1 WHEN 'future' THEN 2
         WHEN 'hypothetical' THEN 3 WHEN 'intended' THEN 4 WHEN 'demanded' THEN 5 END,
       v.event_date,
       CASE v.date_precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'year' THEN 2
         WHEN 'unknown' THEN 3 END,
       v.confidence, v.span_start, v.span_end, v.text, v.speaker, x.id
FROM evidence v JOIN extractors x ON x.name = v.extractor
ORDER BY v.document_ref, v.id;
UPDATE documents SET evidence_first = 0, triples = 0;
UPDATE documents SET evidence_first = r.first, triples = r.n
FROM (SELECT document_ref, min(id) AS first, count(*) AS n FROM evidence_rows
      GROUP BY document_ref) AS r
WHERE r.document_ref = documents.id;

DROP VIEW evidence_named;
DROP TABLE evidence;
CREATE INDEX evidence_by_triple ON evidence_rows(subject_ref, object_ref, relation_ref);

CREATE VIEW evidence AS
SELECT v.id, v.document_ref, v.sentence, v.subject_ref, v.relation_ref, v.object_ref,
       CASE v.polarity WHEN 0 THEN 'positive' WHEN 1 THEN 'negative' END AS polarity,
       CASE v.modality WHEN 0 THEN 'asserted' WHEN 1 THEN 'reported' WHEN 2 THEN 'future'
         WHEN 3 THEN 'hypothetical' WHEN 4 THEN 'intended' WHEN 5 THEN 'demanded'
       END AS modality,
       v.event_date,
       CASE v.date_precision WHEN 0 THEN 'day' WHEN 1 THEN 'month' WHEN 2 THEN 'year'
         WHEN 3 THEN 'unknown' END AS date_precision,
       v.confidence, v.span_start, v.span_end, v.text, v.speaker,
       (SELECT x.name FROM extractors x WHERE x.id = v.extractor_ref) AS extractor
FROM evidence_rows v;

CREATE VIEW evidence_named AS
SELECT v.id, d.doc_id, d.date AS doc_date, d.lang, d.title, d.url, v.sentence,
       s.entity_id AS subject, s.name AS subject_name, r.name AS relation,
       o.entity_id AS object, o.name AS object_name, v.polarity, v.modality,
       v.event_date, v.date_precision, v.confidence, v.span_start, v.span_end, v.text,
       v.speaker, v.extractor
FROM evidence v
JOIN documents d ON d.id = v.document_ref
JOIN entities s ON s.id = v.subject_ref
JOIN entities o ON o.id = v.object_ref
JOIN relation_types r ON r.id = v.relation_ref;
)sql",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion);

}  // namespace

const IndexDef kBulkIndexes[3] = {
    {"evidence_by_triple",
     "CREATE INDEX evidence_by_triple ON evidence_rows(subject_ref, object_ref, relation_ref)"},
    {"edges_by_pair", "CREATE INDEX edges_by_pair ON edges(subject_ref, object_ref, relation_ref)"},
    {"edges_by_object", "CREATE INDEX edges_by_object ON edges(object_ref)"},
};

Result<int> SchemaVersion(Db* db) {
  auto v = db->QueryInt("PRAGMA user_version");
  if (!v.ok()) return v.status();
  return static_cast<int>(*v);
}

Status Migrate(Db* db, int target) {
  if (target <= 0 || target > kSchemaVersion) target = kSchemaVersion;
  for (;;) {
    auto version = SchemaVersion(db);
    if (!version.ok()) return version.status();
    if (*version > kSchemaVersion) {
      return Status::Corruption("store " + db->path() + " has schema version " +
                                std::to_string(*version) + ", newer than this geokg (" +
                                std::to_string(kSchemaVersion) + ")");
    }
    if (*version >= target) break;
    if (*version == 0) {
      // A file we did not create must stay untouched.
      auto tables = db->QueryInt("SELECT count(*) FROM sqlite_master");
      if (!tables.ok()) return tables.status();
      if (*tables > 0) {
        return Status::Corruption(db->path() + " is not a geokg store (it has other tables)");
      }
    }
    // IMMEDIATE: take the write lock now, then re-check (another process may
    // have migrated meanwhile).
    Status s = db->Exec("BEGIN IMMEDIATE");
    if (!s.ok()) return s;
    auto again = SchemaVersion(db);
    if (!again.ok() || *again != *version) {
      db->Exec("ROLLBACK");
      if (!again.ok()) return again.status();
      continue;
    }
    s = db->Exec(kMigrations[*version]);
    if (s.ok()) s = db->Exec("PRAGMA user_version = " + std::to_string(*version + 1));
    if (s.ok()) s = db->Exec("COMMIT");
    if (!s.ok()) {
      db->Exec("ROLLBACK");
      return s;
    }
  }
  auto format = db->Prepare("SELECT value FROM meta WHERE key = 'format'");
  if (!format.ok()) return Status::Corruption(db->path() + " is not a geokg store (no meta table)");
  if (!format->Step() || format->Text(0) != "geokg-store") {
    return Status::Corruption(db->path() + " is not a geokg store");
  }
  return Status::OK();
}

}  // namespace geokg::store
