#include "textgraph/conllu.h"

#include <algorithm>
#include <charconv>
#include <istream>
#include <ostream>
#include <sstream>

#include "core/error.h"
#include "core/files.h"
#include "core/utf8.h"

namespace textgraph {

namespace {

// Splits on tabs into at most `max` fields (the rest stays in the last).
std::size_t split_tabs(std::string_view line, std::string_view* fields, std::size_t max) {
  std::size_t n = 0, start = 0;
  while (n < max) {
    const std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields[n++] = line.substr(start);
      return n;
    }
    fields[n++] = line.substr(start, tab - start);
    start = tab + 1;
  }
  return n + 1;  // more fields than max: report as too many
}

bool parse_int(std::string_view s, int& value) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && p == s.data() + s.size();
}

std::string column(std::string_view s) { return s == "_" ? std::string() : std::string(s); }

// Removes SpaceAfter=No and NER=... from a MISC value and reports them.
std::string take_misc(std::string_view misc, bool& space_after, std::string* ner) {
  space_after = true;
  if (misc == "_" || misc.empty()) return {};
  std::string kept;
  std::size_t start = 0;
  while (start <= misc.size()) {
    std::size_t bar = misc.find('|', start);
    if (bar == std::string_view::npos) bar = misc.size();
    const std::string_view item = misc.substr(start, bar - start);
    if (item == "SpaceAfter=No") {
      space_after = false;
    } else if (ner && item.substr(0, 4) == "NER=") {
      *ner = std::string(item.substr(4));
    } else if (!item.empty()) {
      if (!kept.empty()) kept += '|';
      kept += item;
    }
    start = bar + 1;
  }
  return kept;
}

}  // namespace

struct ConlluReader::Impl {
  std::unique_ptr<LineReader> lines;
  std::string name;
  std::string open_error;  // set when the file could not be opened
  Location open_where;
  bool done = false;

  void read_sentence(Sentence& s, bool& got);
};

void ConlluReader::Impl::read_sentence(Sentence& s, bool& got) {
  s = Sentence();
  got = false;
  std::string line;
  std::size_t first_line = 0;
  bool in_words = false;
  while (lines->next(line)) {
    const std::size_t line_no = lines->line_number();
    if (const std::size_t bad = utf8::find_invalid(line); bad != std::string::npos)
      fail_input("invalid UTF-8", lines->here(bad + 1));
    if (line.empty()) {
      if (!got) continue;  // extra blank lines between sentences
      break;
    }
    if (!got) first_line = line_no;
    got = true;
    if (line[0] == '#') {
      if (in_words)
        fail_input("comment line inside a sentence (missing blank line?)", lines->here());
      std::string_view c(line);
      c.remove_prefix(1);
      if (!c.empty() && c[0] == ' ') c.remove_prefix(1);
      if (c.substr(0, 10) == "sent_id = ") {
        s.id = std::string(c.substr(10));
      } else if (c.substr(0, 7) == "text = ") {
        s.text = std::string(c.substr(7));
      } else if (c == "newpar" || c.substr(0, 7) == "newpar ") {
        s.new_paragraph = true;
      }
      s.comments.emplace_back(c);
      continue;
    }
    in_words = true;
    std::string_view f[10];
    const std::size_t n = split_tabs(line, f, 10);
    if (n != 10)
      fail_input("expected 10 tab-separated columns, found " + std::to_string(n > 10 ? 11 : n) +
                     (n > 10 ? " or more" : ""),
                 lines->here());
    const std::string_view id = f[0];
    if (id.find('.') != std::string_view::npos) continue;  // empty node: not a word
    const int expected = static_cast<int>(s.words.size()) + 1;
    if (const std::size_t dash = id.find('-'); dash != std::string_view::npos) {
      MultiwordToken t;
      if (!parse_int(id.substr(0, dash), t.first) || !parse_int(id.substr(dash + 1), t.last) ||
          t.first != expected || t.last <= t.first)
        fail_input("bad multiword token range '" + std::string(id) + "' (next word is " +
                       std::to_string(expected) + ")",
                   lines->here(1));
      t.form = std::string(f[1]);
      t.misc = take_misc(f[9], t.space_after, nullptr);
      s.multiword_tokens.push_back(std::move(t));
      continue;
    }
    int word_id = 0;
    if (!parse_int(id, word_id) || word_id != expected)
      fail_input(
          "bad word id '" + std::string(id) + "' (expected " + std::to_string(expected) + ")",
          lines->here(1));
    Word w;
    w.form = std::string(f[1]);
    w.lemma = (f[2] == "_" && f[1] != "_") ? std::string() : std::string(f[2]);
    w.upos = column(f[3]);
    w.xpos = column(f[4]);
    w.feats = column(f[5]);
    if (f[6] == "_") {
      w.head = -1;
    } else if (!parse_int(f[6], w.head) || w.head < 0) {
      fail_input("bad head '" + std::string(f[6]) + "'", lines->here());
    }
    w.deprel = column(f[7]);
    w.deps = column(f[8]);
    w.misc = take_misc(f[9], w.space_after, &w.ner);
    s.words.push_back(std::move(w));
  }
  if (!got) return;
  const int count = static_cast<int>(s.words.size());
  if (count == 0) fail_input("sentence without words", {name, first_line});
  for (const Word& w : s.words)
    if (w.head > count)
      fail_input("head " + std::to_string(w.head) + " is beyond the sentence's " +
                     std::to_string(count) + " words",
                 {name, first_line});
  for (const MultiwordToken& t : s.multiword_tokens) {
    if (t.last > count)
      fail_input("multiword token " + std::to_string(t.first) + "-" + std::to_string(t.last) +
                     " covers missing words",
                 {name, first_line});
    // Words inside a token share its spacing: the token decides.
    for (int i = t.first; i <= t.last; ++i) s.words[i - 1].space_after = true;
    s.words[t.last - 1].space_after = t.space_after;
  }
}

ConlluReader::ConlluReader(const std::string& path) : impl_(std::make_unique<Impl>()) {
  impl_->name = path;
  try {
    impl_->lines = std::make_unique<LineReader>(path);
  } catch (const Error& e) {
    impl_->open_error = e.what();
    impl_->open_where = e.where();
  }
}

ConlluReader::ConlluReader(std::istream& in, std::string name) : impl_(std::make_unique<Impl>()) {
  impl_->name = name;
  impl_->lines = std::make_unique<LineReader>(in, std::move(name));
}

ConlluReader::~ConlluReader() = default;
ConlluReader::ConlluReader(ConlluReader&&) noexcept = default;
ConlluReader& ConlluReader::operator=(ConlluReader&&) noexcept = default;

Result<bool> ConlluReader::next(Sentence& out) {
  if (!impl_->lines) return Status::error(ErrorCode::kIo, impl_->open_error, impl_->open_where);
  if (impl_->done) return false;
  return guard_result<bool>([&] {
    bool got = false;
    try {
      impl_->read_sentence(out, got);
    } catch (...) {
      impl_->done = true;  // do not resume mid-sentence after an error
      throw;
    }
    if (!got) impl_->done = true;
    return got;
  });
}

Result<std::vector<Sentence>> read_conllu(const std::string& path) {
  ConlluReader reader(path);
  std::vector<Sentence> out;
  Sentence s;
  while (true) {
    Result<bool> got = reader.next(s);
    if (!got.ok()) return got.status();
    if (!*got) break;
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<Sentence>> parse_conllu(std::string_view text, const std::string& name) {
  std::istringstream in{std::string(text)};
  ConlluReader reader(in, name);
  std::vector<Sentence> out;
  Sentence s;
  while (true) {
    Result<bool> got = reader.next(s);
    if (!got.ok()) return got.status();
    if (!*got) break;
    out.push_back(std::move(s));
  }
  return out;
}

std::string surface_text(const Sentence& s) {
  std::string text;
  std::size_t t = 0;  // next multiword token
  const int count = static_cast<int>(s.words.size());
  for (int i = 1; i <= count;) {
    bool space;
    if (t < s.multiword_tokens.size() && s.multiword_tokens[t].first == i) {
      const MultiwordToken& tok = s.multiword_tokens[t++];
      text += tok.form;
      space = tok.space_after;
      i = tok.last + 1;
    } else {
      text += s.words[i - 1].form;
      space = s.words[i - 1].space_after;
      ++i;
    }
    if (space && i <= count) text += ' ';
  }
  return text;
}

namespace {

void put(std::ostream& out, const std::string& value) {
  if (value.empty())
    out << '_';
  else
    out << value;
}

// MISC attributes are conventionally sorted by name (UD's own files are), so
// SpaceAfter and NER go back into their sorted place and files round-trip.
void put_misc(std::ostream& out, const std::string& misc, bool space_after,
              const std::string& ner) {
  std::vector<std::string> items;
  for (std::size_t start = 0; start < misc.size();) {
    std::size_t bar = misc.find('|', start);
    if (bar == std::string::npos) bar = misc.size();
    items.push_back(misc.substr(start, bar - start));
    start = bar + 1;
  }
  const auto insert = [&items](const std::string& item) {
    const std::string name = item.substr(0, item.find('='));
    auto at = std::find_if(items.begin(), items.end(),
                           [&](const std::string& x) { return x.substr(0, x.find('=')) > name; });
    items.insert(at, item);
  };
  if (!ner.empty()) insert("NER=" + ner);
  if (!space_after) insert("SpaceAfter=No");
  if (items.empty()) {
    out << '_';
    return;
  }
  for (std::size_t i = 0; i < items.size(); ++i) out << (i ? "|" : "") << items[i];
}

}  // namespace

void write_conllu(const Sentence& s, std::ostream& out) {
  // Comments keep their order; the sent_id, text and newpar lines among them
  // are written from the fields, which the caller may have changed.
  bool wrote_id = false, wrote_text = false;
  const bool listed_newpar = std::any_of(s.comments.begin(), s.comments.end(), [](const auto& c) {
    return c == "newpar" || c.rfind("newpar ", 0) == 0;
  });
  if (s.new_paragraph && !listed_newpar) out << "# newpar\n";
  const std::string text = s.text.empty() ? surface_text(s) : s.text;
  for (const auto& c : s.comments) {
    if (c.rfind("sent_id = ", 0) == 0) {
      if (!s.id.empty() && !wrote_id) out << "# sent_id = " << s.id << '\n';
      wrote_id = true;
    } else if (c.rfind("text = ", 0) == 0) {
      if (!wrote_text) out << "# text = " << text << '\n';
      wrote_text = true;
    } else if (c == "newpar" || c.rfind("newpar ", 0) == 0) {
      if (s.new_paragraph) out << "# " << c << '\n';
    } else {
      out << "# " << c << '\n';
    }
  }
  if (!wrote_id && !s.id.empty()) out << "# sent_id = " << s.id << '\n';
  if (!wrote_text) out << "# text = " << text << '\n';
  std::size_t t = 0;
  int token_last = 0;  // last word id of the multiword token being written
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    const int id = static_cast<int>(i) + 1;
    if (t < s.multiword_tokens.size() && s.multiword_tokens[t].first == id) {
      const MultiwordToken& tok = s.multiword_tokens[t++];
      out << tok.first << '-' << tok.last << '\t' << tok.form << "\t_\t_\t_\t_\t_\t_\t_\t";
      put_misc(out, tok.misc, tok.space_after, "");
      out << '\n';
      token_last = tok.last;
    }
    const Word& w = s.words[i];
    out << id << '\t';
    put(out, w.form);
    out << '\t';
    put(out, w.lemma);
    out << '\t';
    put(out, w.upos);
    out << '\t';
    put(out, w.xpos);
    out << '\t';
    put(out, w.feats);
    out << '\t';
    if (w.head < 0)
      out << '_';
    else
      out << w.head;
    out << '\t';
    put(out, w.deprel);
    out << '\t';
    put(out, w.deps);
    out << '\t';
    put_misc(out, w.misc, id <= token_last ? true : w.space_after, w.ner);
    out << '\n';
  }
  out << '\n';
}

std::string to_conllu(const Sentence& sentence) {
  std::ostringstream out;
  write_conllu(sentence, out);
  return out.str();
}

}  // namespace textgraph
