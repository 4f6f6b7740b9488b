// IOB2 files in the Universal NER layout (see textgraph/ner.h).
#include "ner/iob2.h"

#include <charconv>
#include <ostream>
#include <sstream>

#include "core/error.h"
#include "core/files.h"
#include "core/utf8.h"
#include "textgraph/conllu.h"
#include "textgraph/ner.h"

namespace textgraph {

namespace {

bool valid_tag(std::string_view tag) {
  if (tag == "O") return true;
  if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return false;
  for (char c : tag.substr(2))
    if (c == ' ' || c == '\t' || c == '|' || c == '=') return false;
  return true;
}

}  // namespace

bool Iob2Reader::next(Sentence& s) {
  s = Sentence();
  bool got = false, in_words = false;
  std::size_t first_line = 0;
  std::string line;
  while (lines_.next(line)) {
    if (const std::size_t bad = utf8::find_invalid(line); bad != std::string::npos)
      fail_input("invalid UTF-8", lines_.here(bad + 1));
    if (line.empty()) {
      if (got) break;
      continue;
    }
    if (!got) first_line = lines_.line_number();
    got = true;
    if (line[0] == '#') {
      if (in_words)
        fail_input("comment line inside a sentence (missing blank line?)", lines_.here());
      std::string_view c(line);
      c.remove_prefix(1);
      if (!c.empty() && c[0] == ' ') c.remove_prefix(1);
      if (c.substr(0, 10) == "sent_id = ")
        s.id = std::string(c.substr(10));
      else if (c.substr(0, 7) == "text = ")
        s.text = std::string(c.substr(7));
      s.comments.emplace_back(c);
      continue;
    }
    in_words = true;
    std::string_view rest(line);
    std::string_view f[3];
    for (int k = 0; k < 3; ++k) {
      const std::size_t tab = rest.find('\t');
      if (tab == std::string_view::npos && k < 2)
        fail_input("expected at least 3 tab-separated columns (ID, FORM, TAG)", lines_.here());
      f[k] = rest.substr(0, tab);
      rest = tab == std::string_view::npos ? std::string_view() : rest.substr(tab + 1);
    }
    int id = 0;
    const int expected = static_cast<int>(s.words.size()) + 1;
    auto [p, ec] = std::from_chars(f[0].data(), f[0].data() + f[0].size(), id);
    if (ec != std::errc() || p != f[0].data() + f[0].size() || id != expected)
      fail_input(
          "bad word id '" + std::string(f[0]) + "' (expected " + std::to_string(expected) + ")",
          lines_.here(1));
    if (f[1].empty()) fail_input("empty word form", lines_.here());
    if (!valid_tag(f[2]))
      fail_input("bad tag '" + std::string(f[2]) + "' (expected O, B-TYPE or I-TYPE)",
                 lines_.here());
    Word w;
    w.form = std::string(f[1]);
    w.ner = std::string(f[2]);
    s.words.push_back(std::move(w));
  }
  if (got && s.words.empty()) fail_input("sentence without words", {lines_.name(), first_line});
  return got;
}

namespace {

std::vector<Sentence> read_lines(LineReader& lines) {
  std::vector<Sentence> out;
  Iob2Reader reader(lines);
  Sentence s;
  while (reader.next(s)) out.push_back(std::move(s));
  return out;
}

}  // namespace

Result<std::vector<Sentence>> read_iob2(const std::string& path) {
  return guard_result<std::vector<Sentence>>([&] {
    LineReader lines(path);
    return read_lines(lines);
  });
}

Result<std::vector<Sentence>> parse_iob2(std::string_view text, const std::string& name) {
  return guard_result<std::vector<Sentence>>([&] {
    std::istringstream in{std::string(text)};
    LineReader lines(in, name);
    return read_lines(lines);
  });
}

void write_iob2(const Sentence& sentence, std::ostream& out, std::string_view fallback_id) {
  for (const std::string& c : sentence.comments)
    if (c.rfind("newdoc", 0) == 0) out << "# " << c << "\n";
  out << "# sent_id = " << (sentence.id.empty() ? fallback_id : std::string_view(sentence.id))
      << "\n";
  out << "# text = " << (sentence.text.empty() ? surface_text(sentence) : sentence.text) << "\n";
  for (std::size_t i = 0; i < sentence.words.size(); ++i) {
    const Word& w = sentence.words[i];
    out << i + 1 << '\t' << w.form << '\t' << (w.ner.empty() ? std::string_view("O") : w.ner)
        << "\t-\t-\n";
  }
  out << "\n";
}

}  // namespace textgraph
