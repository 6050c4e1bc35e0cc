// Diagrams through Graphviz in this process: cgraph builds the styled graph
// (agopen/agnode/agedge/agsafeset), agwrite writes DOT, gvc lays it out and
// renders SVG/PDF/PNG. One gvc context serves the whole process.
//
// Why a child process: dot's network simplex and crossing minimisation can
// run for minutes on dense graphs even with nslimit/mclimit, and gvLayout
// cannot be interrupted. The layout and rendering therefore run in a forked
// child that streams the result back through a pipe; the parent kills it
// when the time budget is spent and retries with sfdp.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "common.h"

namespace geokg::export_internal {

namespace {

constexpr const char* kFont = "DejaVu Sans,sans-serif";
// neato/sfdp: "curved" edges fan out parallel relations; cheap on small
// graphs (0.6 s for a 200-node, 400-edge star) but over 60 s on a 300-node,
// 900-edge map, where straight lines take 0.7 s. "true" (routing around
// nodes) took over 60 s already on the star.
constexpr size_t kMaxCurvedEdges = 400;
// Raster output: at most this many inches (at 96 dpi) per side, so a
// 1,000-node map gives a PNG of a few MB instead of 15 MB in 18 s.
constexpr const char* kRasterSize = "50,50";
// The sfdp fallback gets at least this budget, in seconds.
constexpr double kMinFallbackSeconds = 30.0;

// ------------------------------------------------------------ gvc context

std::mutex& GraphvizMutex() {
  static std::mutex mutex;
  return mutex;
}

// Graphviz reports errors through agerr; they are collected here (under
// GraphvizMutex) instead of going to stderr.
std::string& ErrorBuffer() {
  static std::string buffer;
  return buffer;
}

int CollectError(char* message) {
  ErrorBuffer() += message;
  return 0;
}

GVC_t* g_context = nullptr;

void FreeContext() {
  if (g_context != nullptr) {
    gvFreeContext(g_context);
    g_context = nullptr;
  }
}

// The process's gvc context; created on first use with the installed plugin
// configuration (libgvc's config6a), freed at exit so that leak checkers see
// no live allocation of ours. Requires GraphvizMutex.
GVC_t* Context() {
  if (g_context == nullptr) {
    agseterr(AGERR);  // warnings (e.g. "mincross: nslimit reached") are expected
    agseterrf(CollectError);
    g_context = gvContext();
    std::atexit(FreeContext);
  }
  return g_context;
}

std::string TakeErrors() {
  std::string text;
  text.swap(ErrorBuffer());
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

std::set<std::string> PluginNames(const char* kind) {
  std::set<std::string> names;
  int count = 0;
  char** list = gvPluginList(Context(), kind, &count, nullptr);
  for (int i = 0; i < count; ++i) {
    std::string name = list[i];
    if (auto colon = name.find(':'); colon != std::string::npos) name.resize(colon);
    names.insert(name);
    std::free(list[i]);
  }
  std::free(list);
  return names;
}

// Unsupported naming the Debian package if gvc cannot render `format` or
// lay out with `engine`.
Status CheckPlugins(std::string_view format, std::string_view engine) {
  static const std::set<std::string> devices = PluginNames("device");
  static const std::set<std::string> layouts = PluginNames("layout");
  if (!format.empty() && !devices.count(std::string(format))) {
    return Status::Unsupported(
        "Graphviz cannot render '" + std::string(format) +
        "' in this process: its plugin is not loaded (PDF and PNG need the cairo plugin "
        "libgvplugin_pango of the Debian package libgvc6, installed with 'graphviz'; if it is "
        "installed, run 'dot -c' as root to rebuild the plugin configuration)");
  }
  if (!engine.empty() && !layouts.count(std::string(engine))) {
    return Status::Unsupported("Graphviz has no layout engine '" + std::string(engine) +
                               "' in this process (Debian package libgvc6); known: dot, neato, "
                               "fdp, sfdp, circo, twopi");
  }
  return Status::OK();
}

// ------------------------------------------------------------ attributes

// A value for a Graphviz escString attribute (label, tooltip): backslashes
// doubled so "\N" or "\n" in a name stay literal, '&' written as an entity
// because Graphviz resolves HTML entities in labels.
std::string GvText(std::string_view text) {
  std::string clean = CleanText(text, /*one_line=*/true);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void Set(void* obj, const char* name, const std::string& value) {
  agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()),
            const_cast<char*>(""));
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// The legend (and title) as an HTML-like table in the graph label, so that
// it shows with every layout engine (sfdp ignores clusters).
std::string LegendHtml(const std::string& title, bool legend) {
  std::string h = "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">";
  if (!title.empty()) {
    h += "<tr><td><font point-size=\"16\"><b>" + XmlText(CleanText(title, true)) +
         "</b></font></td></tr>";
  }
  if (legend) {
    h += "<tr><td><table border=\"0\" cellborder=\"1\" cellspacing=\"4\" cellpadding=\"3\"><tr>";
    const std::pair<EntityKind, const char*> kinds[] = {{EntityKind::kState, "state"},
                                                        {EntityKind::kBreakaway, "breakaway entity"},
                                                        {EntityKind::kOrganisation, "organisation"}};
    for (const auto& [kind, text] : kinds) {
      NodeStyle s = StyleFor(kind);
      h += std::string("<td bgcolor=\"") + s.fill + "\" color=\"" + s.border +
           (kind == EntityKind::kState ? "\" style=\"rounded\"" : "\"") + ">" + text + "</td>";
    }
    h += "</tr></table></td></tr>";
    h += "<tr><td><table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"1\"><tr>";
    for (const ClassInfo& c : Classes()) {
      if (std::string_view(c.name) == "unknown") continue;
      h += std::string("<td bgcolor=\"") + ClassColor(c.name) +
           "\" width=\"22\" height=\"6\" fixedsize=\"true\"></td><td align=\"left\">" + c.title +
           "  </td>";
    }
    h += "</tr></table></td></tr>";
    h += "<tr><td><font point-size=\"9\" color=\"#555555\">dashed: ended relation   "
         "line width: evidence count (log scale)   edge label: relation, first date"
         "</font></td></tr>";
  }
  h += "</table>";
  return h;
}

std::string NodeTooltip(const Entity& n) {
  std::string t = DisplayName(n) + " (" + n.id + ")\n" + std::string(ToString(n.kind));
  if (!n.aliases.empty()) {
    t += "\naliases: ";
    for (size_t i = 0; i < n.aliases.size() && i < 8; ++i) {
      if (i) t += ", ";
      t += n.aliases[i];
    }
  }
  return t;
}

std::string EdgeTooltip(const Edge& e, const std::string& subject, const std::string& object,
                        const std::string& label) {
  std::string t = subject + " \xE2\x80\x94 " + label + " \xE2\x86\x92 " + object + "\n";
  const std::string& start = EdgeStart(e);
  if (e.status == "event") {
    t += "event " + e.first_seen;
    if (e.last_seen != e.first_seen) t += " \xE2\x80\xA6 " + e.last_seen;
  } else {
    t += "valid " + (start.empty() ? std::string("?") : start) + " \xE2\x80\x93 " +
         (e.valid_to.empty() ? std::string("now") : e.valid_to);
    if (e.status == "ended") t += " (ended)";
  }
  t += "\nevidence: " + std::to_string(e.evidence_count) + " sentences from " +
       std::to_string(e.source_count) + " sources";
  t += "\nseen " + e.first_seen + " \xE2\x80\xA6 " + e.last_seen;
  return t;
}

// The C strings cgraph needs stay alive with the graph; GraphHandle closes it.
struct GraphHandle {
  Agraph_t* g = nullptr;
  ~GraphHandle() {
    if (g != nullptr) agclose(g);
  }
};

// Builds the styled graph. `engine` tunes engine-specific attributes.
Agraph_t* BuildGraph(const ExportInput& input, const ExportOptions& options,
                     const std::string& engine, std::string_view format) {
  const GraphData& graph = input.graph;
  Agraph_t* g = agopen(const_cast<char*>("geokg"), Agdirected, nullptr);
  const bool large = graph.edges.size() > kMaxCurvedEdges;

  Set(g, "fontname", kFont);
  Set(g, "fontsize", "11");
  Set(g, "bgcolor", "white");
  Set(g, "pad", "0.3");
  Set(g, "outputorder", "edgesfirst");
  if (format == "png") Set(g, "size", kRasterSize);
  if (engine == "dot") {
    Set(g, "rankdir", "LR");
    Set(g, "nodesep", "0.35");
    Set(g, "ranksep", "0.9");
    Set(g, "nslimit", Num(options.dot_nslimit));
    Set(g, "nslimit1", Num(options.dot_nslimit));
    Set(g, "mclimit", Num(options.dot_mclimit));
    Set(g, "searchsize", "30");
    Set(g, "remincross", "false");
  } else {
    Set(g, "overlap", "prism");
    Set(g, "overlap_scaling", "-4");
    Set(g, "sep", "+6");
    Set(g, "maxiter", std::to_string(options.force_maxiter));
    Set(g, "splines", large ? "false" : "curved");
    if (engine == "sfdp") Set(g, "beautify", "true");
  }
  if (options.legend || !options.title.empty()) {
    char* html = agstrdup_html(g, const_cast<char*>(LegendHtml(options.title, options.legend).c_str()));
    agsafeset(g, const_cast<char*>("label"), html, const_cast<char*>(""));
    agstrfree(g, html);
    Set(g, "labelloc", options.legend ? "b" : "t");
    Set(g, "labeljust", "l");
  }

  // Defaults shared by all nodes and edges, declared once.
  agattr(g, AGNODE, const_cast<char*>("fontname"), const_cast<char*>(kFont));
  agattr(g, AGNODE, const_cast<char*>("fontsize"), const_cast<char*>("11"));
  agattr(g, AGNODE, const_cast<char*>("margin"), const_cast<char*>("0.12,0.05"));
  agattr(g, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>(kFont));
  agattr(g, AGEDGE, const_cast<char*>("fontsize"), const_cast<char*>("9"));
  agattr(g, AGEDGE, const_cast<char*>("arrowsize"), const_cast<char*>("0.7"));

  std::map<std::string_view, Agnode_t*> by_id;
  std::map<std::string_view, const Entity*> entity_by_id;
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    const Entity& n = graph.nodes[i];
    // Node names are the entity ids: the DOT output keeps them as keys.
    Agnode_t* node = agnode(g, const_cast<char*>(CleanText(n.id, true).c_str()), 1);
    by_id[n.id] = node;
    entity_by_id[n.id] = &n;
    const NodeStyle s = StyleFor(n.kind);
    Set(node, "id", "n" + std::to_string(i));
    Set(node, "class", std::string("node kind-") + std::string(ToString(n.kind)));
    Set(node, "label", GvText(DisplayName(n)));
    Set(node, "shape", s.shape);
    Set(node, "style", s.style);
    Set(node, "fillcolor", s.fill);
    Set(node, "color", s.border);
    Set(node, "tooltip", GvText(NodeTooltip(n)));
  }

  const bool labels = graph.edges.size() <= options.edge_labels_max_edges;
  for (size_t i = 0; i < graph.edges.size(); ++i) {
    const Edge& e = graph.edges[i];
    auto tail = by_id.find(e.subject);
    auto head = by_id.find(e.object);
    if (tail == by_id.end() || head == by_id.end()) continue;  // not in nodes: skipped
    const std::string key = "e" + std::to_string(i);
    Agedge_t* edge = agedge(g, tail->second, head->second, const_cast<char*>(key.c_str()), 1);
    const std::string_view cls = QuadClass(e, input.vocabulary);
    const std::string label = RelationLabel(e.relation, input.vocabulary, options.label_language);
    const char* color = ClassColor(cls);
    Set(edge, "id", key);
    Set(edge, "class", "edge rel-" + CleanText(e.relation, true) + " " + std::string(cls));
    Set(edge, "color", color);
    Set(edge, "fontcolor", color);
    Set(edge, "penwidth", Num(PenWidth(e.evidence_count)));
    if (e.status == "ended") Set(edge, "style", "dashed");
    if (e.symmetric) Set(edge, "dir", "none");
    if (labels) {
      std::string text = GvText(label);
      const std::string& start = EdgeStart(e);
      if (!start.empty()) text += "\\n" + GvText(start);
      if (e.status == "ended" && !e.valid_to.empty()) text += " \xE2\x80\x93 " + GvText(e.valid_to);
      Set(edge, "label", text);
    }
    Set(edge, "tooltip", GvText(EdgeTooltip(e, DisplayName(*entity_by_id[e.subject]),
                                            DisplayName(*entity_by_id[e.object]), label)));
  }
  return g;
}

// ------------------------------------------------------------ rendering

Result<std::string> RenderInProcess(Agraph_t* g, const std::string& engine,
                                    std::string_view format) {
  GVC_t* gvc = Context();
  ErrorBuffer().clear();
  if (gvLayout(gvc, g, engine.c_str()) != 0) {
    return Status::IOError("Graphviz layout '" + engine + "' failed: " + TakeErrors());
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc, g, std::string(format).c_str(), &data, &length);
  std::string out;
  if (rc == 0 && data != nullptr) out.assign(data, length);
  if (data != nullptr) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  if (rc != 0) {
    return Status::IOError("Graphviz could not render " + std::string(format) + ": " +
                           TakeErrors());
  }
  return out;
}

void WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n;
    size -= static_cast<size_t>(n);
  }
}

// Sentinel: the child did not finish within the budget.
struct Outcome {
  bool timed_out = false;
  Result<std::string> result = Status::IOError("not run");
};

// Lays out and renders in a forked child. The child answers "O<bytes>" or
// "E<message>" on a pipe and leaves with _exit (no atexit handlers, no
// leak check: its memory dies with it).
Outcome RenderInChild(Agraph_t* g, const std::string& engine, std::string_view format,
                      double timeout_seconds) {
  Outcome outcome;
  GVC_t* gvc = Context();
  int fds[2];
  if (::pipe(fds) != 0) {
    outcome.result = Status::IOError(std::string("pipe: ") + std::strerror(errno));
    return outcome;
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    outcome.result = Status::IOError(std::string("fork: ") + std::strerror(errno));
    return outcome;
  }
  if (pid == 0) {
    ::close(fds[0]);
    ErrorBuffer().clear();
    std::string reply;
    if (gvLayout(gvc, g, engine.c_str()) != 0) {
      reply = "EGraphviz layout '" + engine + "' failed: " + TakeErrors();
    } else {
      char* data = nullptr;
      unsigned int length = 0;
      if (gvRenderData(gvc, g, std::string(format).c_str(), &data, &length) != 0 ||
          data == nullptr) {
        reply = "EGraphviz could not render " + std::string(format) + ": " + TakeErrors();
      } else {
        WriteAll(fds[1], "O", 1);
        WriteAll(fds[1], data, length);
      }
    }
    if (!reply.empty()) WriteAll(fds[1], reply.data(), reply.size());
    ::close(fds[1]);
    ::_exit(0);
  }
  ::close(fds[1]);
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration<double>(timeout_seconds);
  std::string reply;
  char buf[65536];
  bool eof = false;
  while (!eof) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) break;
    pollfd pfd{fds[0], POLLIN, 0};
    const int ready = ::poll(&pfd, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      eof = true;
    } else {
      reply.append(buf, static_cast<size_t>(n));
    }
  }
  ::close(fds[0]);
  if (!eof) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    outcome.timed_out = true;
    outcome.result = Status::IOError("Graphviz layout '" + engine + "' did not finish within " +
                                     Num(timeout_seconds) + " s");
    return outcome;
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (reply.empty()) {
    outcome.result = Status::IOError("Graphviz layout '" + engine + "' crashed (" +
                                     (WIFSIGNALED(status) ? std::string(strsignal(WTERMSIG(status)))
                                                          : std::string("no output")) +
                                     ")");
  } else if (reply[0] == 'O') {
    outcome.result = reply.substr(1);
  } else {
    outcome.result = Status::IOError(reply.substr(1));
  }
  return outcome;
}

Result<std::string> WriteDot(Agraph_t* g) {
  char* buffer = nullptr;
  size_t size = 0;
  std::FILE* mem = ::open_memstream(&buffer, &size);
  if (mem == nullptr) return Status::IOError(std::string("open_memstream: ") + std::strerror(errno));
  const int rc = agwrite(g, mem);
  std::fclose(mem);
  std::string out(buffer, size);
  std::free(buffer);
  if (rc != 0) return Status::IOError("agwrite failed: " + TakeErrors());
  return out;
}

}  // namespace

Result<std::string> RenderGraphviz(const ExportInput& input, const ExportOptions& options,
                                   std::string_view format) {
  std::lock_guard<std::mutex> lock(GraphvizMutex());
  Context();
  std::string engine =
      ChooseLayout(input.graph.nodes.size(), input.graph.edges.size(), options);
  if (format == "dot") {
    GraphHandle h{BuildGraph(input, options, engine, format)};
    return WriteDot(h.g);
  }
  if (Status s = CheckPlugins(format, engine); !s.ok()) return s;

  if (options.layout_timeout_seconds <= 0) {
    GraphHandle h{BuildGraph(input, options, engine, format)};
    return RenderInProcess(h.g, engine, format);
  }
  Outcome first;
  {
    GraphHandle h{BuildGraph(input, options, engine, format)};
    first = RenderInChild(h.g, engine, format, options.layout_timeout_seconds);
  }
  if (!first.timed_out || engine == "sfdp") return first.result;
  if (options.on_warning) {
    options.on_warning("layout '" + engine + "' did not finish within " +
                       Num(options.layout_timeout_seconds) + " s on " +
                       std::to_string(input.graph.nodes.size()) + " nodes and " +
                       std::to_string(input.graph.edges.size()) +
                       " edges; falling back to sfdp (use --layout sfdp to skip the attempt)");
  }
  if (Status s = CheckPlugins(format, "sfdp"); !s.ok()) return s;
  // sfdp is bounded by maxiter; its budget only guards against a stuck
  // process, so a tiny budget that killed dot does not also kill sfdp.
  GraphHandle h{BuildGraph(input, options, "sfdp", format)};
  return RenderInChild(h.g, "sfdp", format,
                       std::max(options.layout_timeout_seconds, kMinFallbackSeconds))
      .result;
}

}  // namespace geokg::export_internal
