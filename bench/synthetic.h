#pragma once

// Synthetic graphs for the benchmarks (geokg_graph_bench, geokg_query_bench):
// the command-line sizes, the entities E000000.. and the edges between them
// with the attributes of a relation in data/relations.json.
//
// The random draws stay in each benchmark: their order and distributions fix
// the data a seed gives, and each benchmark's data must stay the same across
// versions so that figures can be compared. Benchmark code only: these
// functions exit the process on errors.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "geokg/model.h"
#include "geokg/ontology.h"
#include "geokg/status.h"

namespace geokg::bench {

// The flags every synthetic-graph benchmark takes. Each benchmark sets all of
// them in its main() (designated initialisers), so its defaults show there.
struct SyntheticFlags {
  size_t nodes = 100000;   // --nodes N: entities in the graph
  size_t edges = 1000000;  // --edges M: relation edges (one triple each)
  size_t queries = 1000;   // --queries Q: random queries timed
  uint64_t seed = 42;      // --seed S: seed of the fixed-seed generator
  std::string db;          // --db PATH: a SQLite store, "" = none
};

// The value of the flag argv[*i]: advances *i and returns argv[*i]. Prints
// "<flag> needs a value" and exits with status 2 if there is none.
std::string FlagValue(int argc, char** argv, int* i);

// If argv[*i] is --nodes, --edges, --queries, --seed or --db, stores its value
// in *flags, advances *i past it and returns true; returns false (and changes
// nothing) for any other argument.
bool ParseSyntheticFlag(int argc, char** argv, int* i, SyntheticFlags* flags);

// Prints "<program>: <message>" on stderr and exits with status 1.
[[noreturn]] void Die(const char* program, const Status& status);

// data/relations.json of the source tree; Die()s if it does not load.
RelationVocabulary LoadVocabulary(const char* program);

// The id of entity i: "E000042" for 42.
std::string EntityId(size_t i);
// The name of entity i: "Entity 42" for 42.
std::string EntityName(size_t i);

// Entities 0..n-1 with EntityId and EntityName, no aliases. With
// organisation_every = k > 0 every entity with i % k == 0 is an organisation,
// the others are states; with 0 all are states.
std::vector<Entity> SyntheticNodes(size_t n, size_t organisation_every);

// Edge `id` from entity s to entity o seen once on `date` (first_seen,
// last_seen and valid_from), source_count 1, with the attributes of `rel`:
// status "active" for a lasting relation, else "event"; CAMEO, PLOVER,
// Goldstein weight and symmetry.
Edge SyntheticEdge(int64_t id, size_t s, size_t o, const RelationType& rel, const std::string& date,
                   int64_t evidence_count, double confidence);

}  // namespace geokg::bench
