#pragma once

// HTML to article text with the gumbo HTML5 parser: the visible text of the
// body without script, style, nav, footer (and similar non-article
// elements), one paragraph per block element; plus the page's title,
// language and publication date when the markup states them.

#include <string>
#include <string_view>

namespace geokg::extract {

struct HtmlText {
  std::string text;   // paragraphs separated by blank lines
  std::string title;  // <title>, or ""
  std::string lang;   // <html lang="de-DE"> -> "de", or ""
  std::string date;   // article:published_time / datePublished / <time datetime>, ISO day, or ""
};

HtmlText ExtractHtmlText(std::string_view html);

// True if the text starts (after whitespace and a byte-order mark) like an
// HTML document: "<!DOCTYPE html", "<html", "<head" or "<body" (any case).
bool LooksLikeHtml(std::string_view text);

}  // namespace geokg::extract
