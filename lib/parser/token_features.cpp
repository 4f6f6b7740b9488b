#include "parser/token_features.h"

namespace textgraph::parser {

namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::string normalize_word(std::string_view form) {
  std::string out(form);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9')
      c = '0';
  }
  return out;
}

std::string suffix(std::string_view s, int n) {
  std::size_t i = s.size();
  while (i > 0 && n > 0) {
    --i;
    if (!continuation(static_cast<unsigned char>(s[i]))) --n;
  }
  return std::string(s.substr(i));
}

std::string prefix(std::string_view s, int n) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (!continuation(static_cast<unsigned char>(s[i])) && n-- == 0) break;
    ++i;
  }
  return std::string(s.substr(0, i));
}

std::string word_shape(std::string_view form) {
  std::string out;
  char last = 0;
  int run = 0;
  for (std::size_t i = 0; i < form.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(form[i]);
    if (continuation(c)) continue;
    char k;
    if (c >= 'A' && c <= 'Z')
      k = 'X';
    else if (c >= 'a' && c <= 'z')
      k = 'x';
    else if (c >= '0' && c <= '9')
      k = 'd';
    else if (c < 0x80 && c > 0x20)
      k = static_cast<char>(c);
    else
      k = 'u';
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) out.push_back(k);
  }
  return out;
}

Vocab::Vocab() {
  add("<unknown>");
  add("<root>");
}

int Vocab::add(const std::string& s) {
  auto [it, inserted] = ids_.emplace(s, size());
  if (inserted) strings_.push_back(s);
  return it->second;
}

int Vocab::id(std::string_view s) const {
  auto it = ids_.find(std::string(s));
  return it == ids_.end() ? kUnknown : it->second;
}

Vocab Vocab::from_strings(std::vector<std::string> strings) {
  Vocab v;
  for (std::size_t i = 2; i < strings.size(); ++i) v.add(strings[i]);
  return v;
}

}  // namespace textgraph::parser
