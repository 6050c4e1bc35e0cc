#pragma once

// Private to geokg's modules (src/store, src/graph); header-only.

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <cstddef>
#include <cstdint>
#include <new>

namespace geokg {

inline constexpr size_t kHugePage = size_t{2} << 20;

// Asks the kernel to back a large buffer that is about to be written with
// huge pages: first-touch faults of 4 KiB pages were a third of a cold
// snapshot read and dominated building big arrays. A hint only (no effect
// without transparent huge pages); only whole aligned 2 MiB pages inside the
// buffer are marked.
inline void PreferHugePages(const void* data, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHuge = kHugePage;
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

// Whether AllocateHuge maps `bytes` on huge pages: from 1 MiB on, rounded
// up to whole 2 MiB pages (so a block of just under 2 MiB is one page).
inline bool UsesHugePages(size_t bytes) { return bytes > kHugePage / 2; }

// Memory for a buffer of more than 1 MiB, aligned to 2 MiB and marked for
// huge pages, so it is faulted in 2 MiB at a time: a first load of 1M triples
// took 150,000 page faults (about 8 us each on a virtual machine) when its
// big buffers came from malloc. Smaller sizes come from operator new. Free
// with FreeHuge and the same size. Throws std::bad_alloc.
inline void* AllocateHuge(size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (UsesHugePages(bytes)) {
    const size_t size = (bytes + kHugePage - 1) & ~(kHugePage - 1);
    // Map one huge page more than needed and unmap the unaligned ends.
    void* raw =
        mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    const auto begin = reinterpret_cast<uintptr_t>(raw);
    const uintptr_t aligned = (begin + kHugePage - 1) & ~(kHugePage - 1);
    if (aligned > begin) munmap(raw, aligned - begin);
    const uintptr_t tail = aligned + size;
    const uintptr_t end = begin + size + kHugePage;
    if (end > tail) munmap(reinterpret_cast<void*>(tail), end - tail);
    madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);
    return reinterpret_cast<void*>(aligned);
  }
#endif
  return ::operator new(bytes);
}

inline void FreeHuge(void* p, size_t bytes) noexcept {
  if (p == nullptr) return;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (UsesHugePages(bytes)) {
    munmap(p, (bytes + kHugePage - 1) & ~(kHugePage - 1));
    return;
  }
#endif
  ::operator delete(p);
}

// A standard allocator over AllocateHuge, for vectors that grow large.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}
  T* allocate(size_t n) { return static_cast<T*>(AllocateHuge(n * sizeof(T))); }
  void deallocate(T* p, size_t n) noexcept { FreeHuge(p, n * sizeof(T)); }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace geokg
