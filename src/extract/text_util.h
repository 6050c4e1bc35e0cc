#pragma once

// Small text helpers shared by the extractor stages: UTF-8 checks, content
// hashing, file reading and JSON data-file loading errors.

#include <cstdint>
#include <string>
#include <string_view>

#include "geokg/status.h"

namespace geokg::extract::util {

// Byte offset of the first byte that is not part of well-formed UTF-8
// (overlong forms, surrogates and code points above U+10FFFF are invalid),
// or std::string_view::npos if the whole text is valid.
size_t FindInvalidUtf8(std::string_view text);

// True if the text looks like binary data: a NUL byte, or more than 10% of
// control characters (other than tab, CR, LF, FF) in its first 8 KiB.
bool LooksBinary(std::string_view text);

// Reads a whole file. IOError names the path.
Result<std::string> ReadWholeFile(const std::string& path);

// 64-bit FNV-1a of the bytes.
uint64_t Fnv1a64(std::string_view text);

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for
// invalid lead bytes).
inline int Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// ASCII-only whitespace test (space, tab, CR, LF, FF, VT).
inline bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// True if `text` at `pos` starts a Unicode space character that is not
// ASCII (NBSP U+00A0, U+2000..U+200B, U+202F, U+3000, and the byte-order mark U+FEFF); sets *len.
bool IsUnicodeSpaceAt(std::string_view text, size_t pos, size_t* len);

// [start, end) narrowed so that it neither starts nor ends with whitespace
// (ASCII or the Unicode spaces above).
void TrimSpan(std::string_view text, size_t* start, size_t* end);

// Lower-cases a UTF-8 word (full Unicode case mapping via ICU).
std::string ToLowerUtf8(std::string_view word);

}  // namespace geokg::extract::util
