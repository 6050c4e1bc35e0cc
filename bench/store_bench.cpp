// Store benchmark: generates N synthetic triples (default 1,000,000) over
// 5,000 entities into a JSONL file with a fixed-seed RNG, loads it into a
// fresh file store, then loads the same file again (which must change
// nothing), and prints triples/s for both (wall, per CPU second of all threads,
// and per CPU second of the calling thread) and bytes per evidence row.
//
// usage: geokg_store_bench [TRIPLES] [WORK_DIR] [CACHE_KIB]

#include <chrono>
#include <cstdint>
#include <ctime>
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "geokg/ontology.h"
#include "geokg/store.h"
#include "geokg/triple.h"

namespace {

// xorshift64*: the same sequence on every platform.
struct Rng {
  uint64_t s = 0x9E3779B97F4A7C15ull;
  uint64_t Next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 2685821657736338717ull;
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
};

constexpr const char* kWords[] = {
    "government", "minister", "talks", "said", "on", "Monday", "the", "border", "agreement",
    "officials", "announced", "capital", "security", "council", "relations", "forces",
    "economic", "visit", "statement", "spokesperson", "Regierung", "Außenminister", "erklärte",
    "Beziehungen", "Abkommen", "Sanktionen", "am", "Dienstag", "die", "der"};

// printf into a std::string (GCC 12 -O3 warns falsely on "E" + std::string).
template <typename... A>
std::string Format(const char* fmt, A... args) {
  char buf[128];
  int n = std::snprintf(buf, sizeof buf, fmt, args...);
  return std::string(buf, static_cast<size_t>(std::max(0, n)));
}

void Generate(const std::string& path, int64_t n, const geokg::RelationVocabulary& vocab) {
  constexpr int kEntities = 5000;
  constexpr int kPerDoc = 10;
  Rng rng;
  std::ofstream out(path, std::ios::binary);
  std::vector<std::string> relations;
  for (const auto& r : vocab.types()) relations.push_back(r.name);
  geokg::Triple t;
  t.extractor = "geokg-bench-1";
  for (int64_t i = 0; i < n; ++i) {
    const int64_t doc = i / kPerDoc;
    if (i % kPerDoc == 0) {
      t.doc.id = Format("bench-%lld", static_cast<long long>(doc));
      t.doc.url = Format("https://news.example.org/%lld", static_cast<long long>(doc));
      t.doc.title = Format("Article %lld", static_cast<long long>(doc));
      t.doc.date = Format("%04d-%02d-%02d", static_cast<int>(2000 + rng.Below(25)),
                          static_cast<int>(1 + rng.Below(12)), static_cast<int>(1 + rng.Below(28)));
      t.doc.lang = rng.Below(2) ? "en" : "de";
    }
    t.sentence = static_cast<int>(i % kPerDoc);
    const int s = static_cast<int>(rng.Below(kEntities));
    int o = static_cast<int>(rng.Below(kEntities - 1));
    if (o >= s) ++o;
    t.subject = {Format("E%04d", s), Format("Entity %d", s), geokg::EntityKind::kState};
    t.object = {Format("E%04d", o), Format("Entity %d", o), geokg::EntityKind::kState};
    t.relation = relations[rng.Below(relations.size())];
    t.polarity = rng.Below(20) == 0 ? geokg::Polarity::kNegative : geokg::Polarity::kPositive;
    t.modality = rng.Below(10) == 0 ? geokg::Modality::kReported : geokg::Modality::kAsserted;
    t.date = t.doc.date;
    t.date_precision = geokg::DatePrecision::kDay;
    t.confidence = 0.5 + static_cast<double>(rng.Below(50)) / 100.0;
    t.evidence.text.clear();
    const size_t words = 8 + rng.Below(10);
    for (size_t w = 0; w < words; ++w) {
      if (w) t.evidence.text += ' ';
      t.evidence.text += kWords[rng.Below(sizeof(kWords) / sizeof(kWords[0]))];
    }
    t.evidence.text += '.';
    t.evidence.start = static_cast<int64_t>(t.sentence) * 120;
    t.evidence.end = t.evidence.start + static_cast<int64_t>(t.evidence.text.size());
    out << geokg::TripleToJson(t) << '\n';
  }
}

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t n = argc > 1 ? std::atoll(argv[1]) : 1000000;
  namespace fs = std::filesystem;
  const fs::path dir = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "geokg-store-bench";
  fs::create_directories(dir);
  const std::string jsonl = (dir / "triples.jsonl").string();
  const std::string db = (dir / "bench.db").string();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix);

  auto vocab = geokg::RelationVocabulary::LoadFile(GEOKG_SOURCE_DIR "/data/relations.json");
  if (!vocab.ok()) {
    std::cerr << vocab.status().ToString() << "\n";
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  // The input is generated once per size and reused.
  const std::string sized = jsonl + "." + std::to_string(n);
  if (!fs::exists(sized)) {
    Generate(sized + ".tmp", n, *vocab);
    fs::rename(sized + ".tmp", sized);
  }
  fs::remove(jsonl);
  fs::create_symlink(sized, jsonl);
  std::printf("input: %lld triples over 5000 entities (%.1f MB), ready in %.2f s\n",
              static_cast<long long>(n), static_cast<double>(fs::file_size(jsonl)) / 1e6,
              Seconds(std::chrono::steady_clock::now() - t0));

  geokg::StoreOptions options;
  if (argc > 3) options.cache_kib = std::atoi(argv[3]);
  auto store = geokg::Store::Open(db, options);
  if (!store.ok()) {
    std::cerr << store.status().ToString() << "\n";
    return 1;
  }
  geokg::Status s = (*store)->ImportVocabulary(*vocab);
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  double rates[2] = {0, 0};
  for (int pass = 0; pass < 2; ++pass) {
    std::ifstream in(jsonl, std::ios::binary);
    auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    const double thread_start = ThreadCpuSeconds();
    auto r = (*store)->LoadTriples(in, jsonl);
    const double secs = Seconds(std::chrono::steady_clock::now() - start);
    // CPU time too: on a shared machine wall time includes waiting for a core.
    // The calling thread's share is the critical path (it writes SQLite while
    // worker threads parse): with a core per thread, wall time approaches it.
    const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    const double thread_cpu = ThreadCpuSeconds() - thread_start;
    if (!r.ok()) {
      std::cerr << r.status().ToString() << "\n";
      return 1;
    }
    rates[pass] = static_cast<double>(r->triples) / secs;
    std::printf("%s: %lld triples in %.2f s = %.0f triples/s (CPU %.2f s = %.0f triples/s per "
                "CPU second; calling thread %.2f s = %.0f triples/s; documents new %lld, "
                "unchanged %lld; evidence added %lld; edges written %lld)\n",
                pass == 0 ? "first load" : "reload    ", static_cast<long long>(r->triples), secs,
                rates[pass], cpu, static_cast<double>(r->triples) / cpu, thread_cpu,
                static_cast<double>(r->triples) / thread_cpu,
                static_cast<long long>(r->documents_new),
                static_cast<long long>(r->documents_unchanged),
                static_cast<long long>(r->evidence_added), static_cast<long long>(r->edges_touched));
  }
  auto st = (*store)->Stats();
  if (!st.ok()) {
    std::cerr << st.status().ToString() << "\n";
    return 1;
  }
  std::printf("store: %lld evidence rows, %lld edges, %.1f MB -> %.0f bytes per evidence row\n",
              static_cast<long long>(st->evidence), static_cast<long long>(st->edges),
              static_cast<double>(st->file_bytes) / 1e6,
              static_cast<double>(st->file_bytes) / static_cast<double>(std::max<int64_t>(1, st->evidence)));
  std::printf("reload / first load speed: %.2fx\n", rates[1] / rates[0]);
  return 0;
}
