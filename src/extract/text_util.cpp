#include "text_util.h"

#include <fstream>
#include <sstream>

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace geokg::extract::util {

size_t FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t chunk;
      __builtin_memcpy(&chunk, s + i, 8);
      if (chunk & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

bool LooksBinary(std::string_view text) {
  std::string_view head = text.substr(0, 8192);
  size_t controls = 0;
  for (char ch : head) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  return !head.empty() && controls * 10 > head.size();
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IOError(path + ": cannot read");
  return ss.str();
}

uint64_t Fnv1a64(std::string_view text) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

bool IsUnicodeSpaceAt(std::string_view text, size_t pos, size_t* len) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(text[pos + k]); };
  if (pos + 1 < text.size() && at(0) == 0xC2 && at(1) == 0xA0) {
    *len = 2;
    return true;
  }
  if (pos + 2 < text.size() && at(0) == 0xE2 && at(1) == 0x80 &&
      ((at(2) >= 0x80 && at(2) <= 0x8B) || at(2) == 0xAF)) {
    *len = 3;
    return true;
  }
  if (pos + 2 < text.size() && ((at(0) == 0xE3 && at(1) == 0x80 && at(2) == 0x80) ||
                                (at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF))) {
    *len = 3;
    return true;
  }
  return false;
}

void TrimSpan(std::string_view text, size_t* start, size_t* end) {
  size_t len = 0;
  while (*start < *end) {
    if (IsSpace(text[*start])) {
      ++*start;
    } else if (IsUnicodeSpaceAt(text, *start, &len) && *start + len <= *end) {
      *start += len;
    } else {
      break;
    }
  }
  while (*end > *start) {
    if (IsSpace(text[*end - 1])) {
      --*end;
      continue;
    }
    // A trailing multi-byte space: NBSP (2 bytes) or a 3-byte space.
    if (*end - *start >= 2 && IsUnicodeSpaceAt(text, *end - 2, &len) && len == 2) {
      *end -= 2;
      continue;
    }
    if (*end - *start >= 3 && IsUnicodeSpaceAt(text, *end - 3, &len) && len == 3) {
      *end -= 3;
      continue;
    }
    break;
  }
}

std::string ToLowerUtf8(std::string_view word) {
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  std::string out;
  if (ascii) {
    out.assign(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.toLower(icu::Locale::getRoot());
  u.toUTF8String(out);
  return out;
}

}  // namespace geokg::extract::util
