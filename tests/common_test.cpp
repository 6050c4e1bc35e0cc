// Tests of the private helpers in src/common/.

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "common/huge_pages.h"

namespace geokg {
namespace {

TEST_CASE("huge pages: AllocateHuge gives aligned memory of the whole size, small sizes too") {
  for (size_t bytes : {size_t{1}, size_t{4096}, kHugePage / 2, kHugePage / 2 + 1, kHugePage,
                       3 * kHugePage + 12345}) {
    CAPTURE(bytes);
    auto* p = static_cast<unsigned char*>(AllocateHuge(bytes));
    REQUIRE(p != nullptr);
    if (UsesHugePages(bytes)) CHECK(reinterpret_cast<uintptr_t>(p) % kHugePage == 0);
    std::memset(p, 0xAB, bytes);  // every byte is writable
    CHECK(p[0] == 0xAB);
    CHECK(p[bytes - 1] == 0xAB);
    FreeHuge(p, bytes);
  }
  CHECK(!UsesHugePages(kHugePage / 2));
  CHECK(UsesHugePages(kHugePage / 2 + 1));
}

TEST_CASE("huge pages: a vector on HugePageAllocator keeps its elements as it grows past 2 MiB") {
  std::vector<uint64_t, HugePageAllocator<uint64_t>> v;
  const size_t n = 3 * kHugePage / sizeof(uint64_t);  // 6 MiB, through several reallocations
  for (size_t i = 0; i < n; ++i) v.push_back(i * 2654435761u);
  REQUIRE(v.size() == n);
  bool same = true;
  for (size_t i = 0; i < n; ++i) same = same && v[i] == i * 2654435761u;
  CHECK(same);
  CHECK(reinterpret_cast<uintptr_t>(v.data()) % kHugePage == 0);
  v.clear();
  v.shrink_to_fit();
  CHECK(v.capacity() == 0);
}

}  // namespace
}  // namespace geokg
