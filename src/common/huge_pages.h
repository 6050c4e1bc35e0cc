#pragma once

// Private to geokg's modules (src/store, src/graph); header-only.

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <cstddef>
#include <cstdint>

namespace geokg {

// Asks the kernel to back a large buffer that is about to be written with
// huge pages: first-touch faults of 4 KiB pages were a third of a cold
// snapshot read and dominated building big arrays. A hint only (no effect
// without transparent huge pages); only whole aligned 2 MiB pages inside the
// buffer are marked.
inline void PreferHugePages(const void* data, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  if (bytes < kHuge) return;
  const auto begin = reinterpret_cast<uintptr_t>(data);
  const uintptr_t lo = (begin + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t hi = (begin + bytes) & ~(kHuge - 1);
  if (hi > lo) madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace geokg
