#include "ner/labels.h"

#include <algorithm>

#include "textgraph/ner.h"

namespace textgraph::ner {

LabelSet::LabelSet(std::vector<std::string> types) : types_(std::move(types)) {
  const int n = size();
  allowed_.assign(static_cast<std::size_t>((n + 1) * n), false);
  for (int prev = kStart; prev < n; ++prev) {
    const bool open = prev > kO && (role_of(prev) == kB || role_of(prev) == kI);
    for (int cur = 0; cur < n; ++cur) {
      bool ok;
      if (open) {
        // An open mention must go on with I or L of its own type.
        ok = cur != kO && type_of(cur) == type_of(prev) &&
             (role_of(cur) == kI || role_of(cur) == kL);
      } else {
        ok = cur == kO || role_of(cur) == kB || role_of(cur) == kU;
      }
      allowed_[static_cast<std::size_t>((prev + 1) * n + cur)] = ok;
    }
  }
}

std::vector<int> LabelSet::encode(const Sentence& sentence) const {
  std::vector<int> out(sentence.words.size(), kO);
  for (const EntitySpan& e : entity_spans(sentence)) {
    auto it = std::lower_bound(types_.begin(), types_.end(), e.type);
    if (it == types_.end() || *it != e.type) continue;
    const int t = static_cast<int>(it - types_.begin());
    if (e.last - e.first == 1) {
      out[e.first] = label(t, kU);
      continue;
    }
    out[e.first] = label(t, kB);
    for (std::size_t i = e.first + 1; i + 1 < e.last; ++i) out[i] = label(t, kI);
    out[e.last - 1] = label(t, kL);
  }
  return out;
}

void LabelSet::decode(const std::vector<int>& labels, Sentence& sentence) const {
  for (std::size_t i = 0; i < sentence.words.size() && i < labels.size(); ++i) {
    const int y = labels[i];
    Word& w = sentence.words[i];
    if (y == kO) {
      w.ner.assign(1, 'O');
      continue;
    }
    const Role r = role_of(y);
    const std::string& type = types_[static_cast<std::size_t>(type_of(y))];
    w.ner.assign(1, r == kB || r == kU ? 'B' : 'I');
    w.ner.push_back('-');
    w.ner.append(type);
  }
}

std::string LabelSet::name(int y) const {
  if (y == kO) return "O";
  static const char kRoles[] = {'B', 'I', 'L', 'U'};
  std::string out = "X-";
  out[0] = kRoles[role_of(y)];
  out.append(types_[static_cast<std::size_t>(type_of(y))]);
  return out;
}

}  // namespace textgraph::ner
