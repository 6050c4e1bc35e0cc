// The merge rules (docs/store.md "Merge rules"): how the positive evidence of
// one (pair, relation family) becomes edges with validity intervals.

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>

#include "store_impl.h"

namespace geokg::store {

uint64_t Hash64(std::string_view data, uint64_t seed) {
  // Eight bytes per step, multiply-xorshift mixing; content hashes only
  // need to tell changed documents apart, not resist attacks.
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = seed ^ (data.size() * kMul);
  size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, data.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, data.data() + i, data.size() - i);
  h = (h ^ tail) * kMul;
  h ^= h >> 32;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 31;
  return h;
}

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

namespace {

// Accumulates the evidence of one edge.
struct Acc {
  int64_t rel_ref = 0;
  std::string_view first, last, valid_from, valid_to;
  std::string status;
  int64_t count = 0;
  std::vector<std::pair<int64_t, double>> doc_conf;  // (document, confidence) per point

  void Add(const EvPoint& p) {
    if (count == 0 || p.date < first) first = p.date;
    if (count == 0 || p.date > last) last = p.date;
    ++count;
    doc_conf.emplace_back(p.doc, p.confidence);
  }

  EdgeRow Finish() {
    EdgeRow r;
    r.rel_ref = rel_ref;
    r.first_seen = first;
    r.last_seen = last;
    r.valid_from = valid_from;
    r.valid_to = valid_to;
    r.status = status;
    r.evidence_count = count;
    // Noisy-OR over documents (best confidence of each): independent sources
    // raise confidence, repeats within one article do not.
    std::sort(doc_conf.begin(), doc_conf.end());
    double miss = 1.0;
    for (size_t i = 0; i < doc_conf.size(); ++i) {
      const bool last_of_doc =
          i + 1 == doc_conf.size() || doc_conf[i + 1].first != doc_conf[i].first;
      if (!last_of_doc) continue;  // sorted: the last entry of a document is its best
      miss *= (1.0 - doc_conf[i].second);
      ++r.source_count;
    }
    r.confidence = 1.0 - miss;
    return r;
  }
};

}  // namespace

void ComputeEdges(std::vector<EvPoint>* points_in, std::vector<EdgeRow>* rows_out) {
  std::vector<EvPoint>& points = *points_in;
  std::vector<EdgeRow>& rows = *rows_out;
  rows.clear();
  if (points.size() == 1) {
    // Most keys of a large load have one point: the rows below without
    // their bookkeeping (same arithmetic, so the same confidence bits).
    const EvPoint& p = points[0];
    EdgeRow& r = rows.emplace_back();
    r.rel_ref = p.rel->ref;
    r.first_seen = r.last_seen = r.valid_from = p.date;
    r.status = p.rel->lasting ? "active" : "event";
    r.evidence_count = 1;
    r.source_count = 1;
    double miss = 1.0;
    miss *= (1.0 - p.confidence);
    r.confidence = 1.0 - miss;
    return;
  }
  // A total order on the evidence's content (never on arrival): date first;
  // on the same date a lasting relation comes before the event that ends it;
  // then by relation name, document and confidence.
  std::sort(points.begin(), points.end(), [](const EvPoint& a, const EvPoint& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.rel->lasting != b.rel->lasting) return a.rel->lasting;
    if (a.rel->name != b.rel->name) return a.rel->name < b.rel->name;
    if (a.doc != b.doc) return a.doc < b.doc;
    return a.confidence < b.confidence;
  });

  std::vector<Acc> done;
  std::vector<Acc> events;  // one edge per event relation (a family has at most two)
  Acc open;                 // the open interval of a lasting relation
  bool has_open = false;

  auto close = [&](std::string_view date) {
    open.valid_to = date;
    open.status = "ended";
    done.push_back(std::move(open));
    open = Acc();
    has_open = false;
  };

  for (const EvPoint& p : points) {
    const RelInfo& rel = *p.rel;
    if (rel.lasting) {
      if (has_open && open.rel_ref != rel.ref) close(p.date);  // its lasting opposite
      if (!has_open) {
        open.rel_ref = rel.ref;
        open.valid_from = p.date;
        open.status = "active";
        has_open = true;
      }
      open.Add(p);
      continue;
    }
    if (rel.closer && has_open && open.rel_ref == rel.opposite_ref) close(p.date);
    auto ev = std::find_if(events.begin(), events.end(),
                           [&](const Acc& a) { return a.rel_ref == rel.ref; });
    if (ev == events.end()) {
      events.emplace_back();
      ev = events.end() - 1;
      ev->rel_ref = rel.ref;
      ev->status = "event";
    }
    ev->Add(p);
  }
  if (has_open) done.push_back(std::move(open));

  rows.reserve(done.size() + events.size());
  for (Acc& a : done) rows.push_back(a.Finish());
  std::sort(events.begin(), events.end(),
            [](const Acc& a, const Acc& b) { return a.rel_ref < b.rel_ref; });
  for (Acc& a : events) {
    a.valid_from = a.first;
    rows.push_back(a.Finish());
  }
}

}  // namespace geokg::store
