#include "html_text.h"

#include <gumbo.h>

#include <cstring>

#include "geokg/model.h"

namespace geokg::extract {

namespace {

bool Skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_ASIDE:
      return true;
    default:
      return false;
  }
}

bool Block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

class Walker {
 public:
  std::string out;

  void Paragraph() {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.empty()) return;
    if (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') return;
    out += out.back() == '\n' ? "\n" : "\n\n";
  }
  void LineBreak() {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && out.back() != '\n') out += '\n';
  }
  void Text(const char* s) {
    // HTML whitespace collapses to one space.
    for (const char* p = s; *p; ++p) {
      char c = *p;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
      } else {
        out += c;
      }
    }
  }
  void Walk(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      Text(node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE &&
        node->type != GUMBO_NODE_DOCUMENT) {
      return;
    }
    const GumboVector* children =
        node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
    GumboTag tag = node->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_UNKNOWN : node->v.element.tag;
    if (node->type != GUMBO_NODE_DOCUMENT && Skipped(tag)) return;
    if (tag == GUMBO_TAG_BR) {
      LineBreak();
      return;
    }
    bool block = Block(tag);
    if (block) Paragraph();
    for (unsigned i = 0; i < children->length; ++i) {
      Walk(static_cast<const GumboNode*>(children->data[i]));
    }
    if (block) Paragraph();
  }
};

const char* Attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

void FindMeta(const GumboNode* node, HtmlText* out) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_HTML) {
    if (const char* lang = Attr(node, "lang"); lang && std::strlen(lang) >= 2) {
      out->lang.assign(lang, 2);
      for (char& c : out->lang) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  } else if (tag == GUMBO_TAG_TITLE && out->title.empty() && node->v.element.children.length > 0) {
    const auto* child = static_cast<const GumboNode*>(node->v.element.children.data[0]);
    if (child->type == GUMBO_NODE_TEXT) {
      Walker w;
      w.Text(child->v.text.text);
      out->title = w.out;
      while (!out->title.empty() && out->title.back() == ' ') out->title.pop_back();
    }
  } else if (out->date.empty() && (tag == GUMBO_TAG_META || tag == GUMBO_TAG_TIME)) {
    const char* value = nullptr;
    if (tag == GUMBO_TAG_TIME) {
      value = Attr(node, "datetime");
    } else {
      const char* prop = Attr(node, "property");
      const char* name = Attr(node, "name");
      const char* itemprop = Attr(node, "itemprop");
      auto is = [](const char* a, const char* b) { return a && std::strcmp(a, b) == 0; };
      if (is(prop, "article:published_time") || is(name, "date") || is(itemprop, "datePublished") ||
          is(name, "pubdate")) {
        value = Attr(node, "content");
      }
    }
    if (value && std::strlen(value) >= 10) {
      std::string day(value, 10);
      if (CheckIsoDate(day) == DatePrecision::kDay) out->date = day;
    }
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    FindMeta(static_cast<const GumboNode*>(children.data[i]), out);
  }
}

}  // namespace

HtmlText ExtractHtmlText(std::string_view html) {
  HtmlText result;
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  FindMeta(output->root, &result);
  Walker walker;
  walker.Walk(output->document);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  result.text = std::move(walker.out);
  while (!result.text.empty() && (result.text.back() == '\n' || result.text.back() == ' ')) {
    result.text.pop_back();
  }
  if (!result.text.empty()) result.text += '\n';
  return result;
}

bool LooksLikeHtml(std::string_view text) {
  size_t i = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < text.size() &&
         (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
    ++i;
  std::string head;
  for (size_t k = i; k < text.size() && head.size() < 14; ++k) {
    char c = text[k];
    head += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  for (const char* p : {"<!doctype html", "<html", "<head", "<body", "<!--"}) {
    if (head.rfind(p, 0) == 0) return true;
  }
  return false;
}

}  // namespace geokg::extract
