#include "synthetic.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#ifndef GEOKG_SOURCE_DIR
#define GEOKG_SOURCE_DIR "."
#endif

namespace geokg::bench {

std::string FlagValue(int argc, char** argv, int* i) {
  if (*i + 1 >= argc) {
    std::cerr << argv[*i] << " needs a value\n";
    std::exit(2);
  }
  return argv[++*i];
}

bool ParseSyntheticFlag(int argc, char** argv, int* i, SyntheticFlags* flags) {
  const std::string a = argv[*i];
  if (a == "--nodes") {
    flags->nodes = std::stoul(FlagValue(argc, argv, i));
  } else if (a == "--edges") {
    flags->edges = std::stoul(FlagValue(argc, argv, i));
  } else if (a == "--queries") {
    flags->queries = std::stoul(FlagValue(argc, argv, i));
  } else if (a == "--seed") {
    flags->seed = std::stoull(FlagValue(argc, argv, i));
  } else if (a == "--db") {
    flags->db = FlagValue(argc, argv, i);
  } else {
    return false;
  }
  return true;
}

void Die(const char* program, const Status& status) {
  std::cerr << program << ": " << status.message() << "\n";
  std::exit(1);
}

RelationVocabulary LoadVocabulary(const char* program) {
  auto vocab = RelationVocabulary::LoadFile(GEOKG_SOURCE_DIR "/data/relations.json");
  if (!vocab.ok()) Die(program, vocab.status());
  return std::move(vocab).value();
}

std::string EntityId(size_t i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "E%06zu", i);
  return buf;
}

std::string EntityName(size_t i) { return "Entity " + std::to_string(i); }

std::vector<Entity> SyntheticNodes(size_t n, size_t organisation_every) {
  std::vector<Entity> nodes;
  nodes.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Entity e;
    e.id = EntityId(i);
    e.name = EntityName(i);
    e.kind = organisation_every > 0 && i % organisation_every == 0 ? EntityKind::kOrganisation
                                                                   : EntityKind::kState;
    nodes.push_back(std::move(e));
  }
  return nodes;
}

Edge SyntheticEdge(int64_t id, size_t s, size_t o, const RelationType& rel, const std::string& date,
                   int64_t evidence_count, double confidence) {
  Edge e;
  e.id = id;
  e.subject = EntityId(s);
  e.object = EntityId(o);
  e.relation = rel.name;
  e.first_seen = date;
  e.last_seen = date;
  e.valid_from = date;
  e.evidence_count = evidence_count;
  e.source_count = 1;
  e.confidence = confidence;
  e.status = rel.lasting ? "active" : "event";
  e.cameo = rel.cameo;
  e.plover = rel.plover;
  e.goldstein = rel.goldstein;
  e.symmetric = rel.symmetric;
  return e;
}

}  // namespace geokg::bench
