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
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion);

}  // namespace

const IndexDef kBulkIndexes[4] = {
    {"evidence_by_document", "CREATE INDEX evidence_by_document ON evidence(document_ref)"},
    {"evidence_by_triple",
     "CREATE INDEX evidence_by_triple ON evidence(subject_ref, object_ref, relation_ref)"},
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
