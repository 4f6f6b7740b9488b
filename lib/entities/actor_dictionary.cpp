#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "core/error.h"
#include "core/files.h"
#include "core/utf8.h"
#include "textgraph/actors.h"
#include "textgraph/model.h"

namespace textgraph {

namespace {

// Names are compared with spaces removed so that the tokenizer's choices
// ("Bosnia - Herzegovina" vs "Bosnia-Herzegovina") do not matter.
std::string key_of(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  for (char c : name)
    if (c != ' ') key += c;
  return key;
}

std::string upper_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool all_capitals(std::string_view word) {
  bool letter = false;
  for (char c : word) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) letter = true;
  }
  return letter;
}

std::vector<std::string> split_names(std::string_view field) {
  std::vector<std::string> names;
  if (field == "-") return names;
  std::size_t start = 0;
  while (start <= field.size()) {
    std::size_t bar = field.find('|', start);
    if (bar == std::string_view::npos) bar = field.size();
    std::string name(field.substr(start, bar - start));
    // Trim: hand-edited files often carry stray spaces around "|".
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (!name.empty()) names.push_back(std::move(name));
    start = bar + 1;
  }
  return names;
}

struct Target {
  std::size_t actor;
  ActorMatch::How how;
};

}  // namespace

struct ActorDictionary::Impl {
  std::vector<Actor> actors;
  std::unordered_map<std::string, Target> exact;  // key_of(name)
  std::unordered_map<std::string, Target> upper;  // upper_ascii(key_of(name))
  std::size_t longest_key = 0;

  void index(std::size_t a, const std::string& name, ActorMatch::How how) {
    const std::string key = key_of(name);
    if (key.empty()) return;
    // Later files override earlier ones: a user's --actors file wins.
    exact[key] = {a, how};
    upper[upper_ascii(key)] = {a, how};
    longest_key = std::max(longest_key, key.size());
  }
};

ActorDictionary::ActorDictionary() : impl_(std::make_unique<Impl>()) {}
ActorDictionary::~ActorDictionary() = default;
ActorDictionary::ActorDictionary(ActorDictionary&&) noexcept = default;
ActorDictionary& ActorDictionary::operator=(ActorDictionary&&) noexcept = default;

Result<ActorDictionary> ActorDictionary::load_default() {
  ActorDictionary d;
  if (Status s = d.add_file(default_model_dir() + "/actors.tsv"); !s.ok()) return s;
  return d;
}

Status ActorDictionary::add_file(const std::string& path) {
  std::string text;
  if (Status s = guard([&] { text = read_file(path); }); !s.ok()) return s;
  return add_text(text, path);
}

Status ActorDictionary::add_text(std::string_view text, const std::string& name) {
  return guard([&] {
    if (const std::size_t bad = utf8::find_invalid(text); bad != std::string_view::npos)
      fail_input("invalid UTF-8 at byte " + std::to_string(bad), {name});
    // Parse everything first so that a bad line leaves the dictionary as it was.
    std::vector<Actor> parsed;
    std::size_t line_no = 0;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      start = end + 1;
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string_view> cols;
      for (std::size_t p = 0;;) {
        const std::size_t tab = line.find('\t', p);
        cols.push_back(line.substr(p, tab == std::string_view::npos ? line.npos : tab - p));
        if (tab == std::string_view::npos) break;
        p = tab + 1;
      }
      if (cols.size() != 5)
        fail_input(
            "expected 5 tab-separated columns (kind, name, aliases, demonyms, metonyms), "
            "found " +
                std::to_string(cols.size()),
            {name, line_no});
      Actor a;
      if (cols[0] == "country")
        a.kind = ActorKind::kCountry;
      else if (cols[0] == "org")
        a.kind = ActorKind::kOrganisation;
      else if (cols[0] == "place")
        a.kind = ActorKind::kPlace;
      else
        fail_input("unknown kind '" + std::string(cols[0]) + "' (expected country, org or place)",
                   {name, line_no, 1});
      const std::vector<std::string> names = split_names(cols[1]);
      if (names.size() != 1)
        fail_input("the second column must hold exactly one canonical name", {name, line_no});
      a.name = names[0];
      a.aliases = split_names(cols[2]);
      a.demonyms = split_names(cols[3]);
      a.metonyms = split_names(cols[4]);
      parsed.push_back(std::move(a));
    }
    for (Actor& a : parsed) {
      std::optional<std::size_t> known = find(a.name);
      const std::size_t index = known ? *known : impl_->actors.size();
      if (!known) {
        impl_->actors.push_back(Actor{a.kind, a.name, {}, {}, {}});
        impl_->index(index, a.name, ActorMatch::How::kName);
      }
      Actor& target = impl_->actors[index];
      const auto extend = [&](std::vector<std::string>& into, const std::vector<std::string>& from,
                              ActorMatch::How how) {
        for (const std::string& n : from) {
          if (std::find(into.begin(), into.end(), n) == into.end()) into.push_back(n);
          impl_->index(index, n, how);
        }
      };
      // Demonyms first so that an alias spelled like a demonym ("US") is
      // indexed as the stronger alias.
      extend(target.demonyms, a.demonyms, ActorMatch::How::kDemonym);
      extend(target.metonyms, a.metonyms, ActorMatch::How::kMetonym);
      extend(target.aliases, a.aliases, ActorMatch::How::kAlias);
      impl_->index(index, target.name, ActorMatch::How::kName);
    }
  });
}

std::size_t ActorDictionary::size() const { return impl_->actors.size(); }

const Actor& ActorDictionary::actor(std::size_t index) const { return impl_->actors.at(index); }

std::optional<std::size_t> ActorDictionary::find(std::string_view name) const {
  auto it = impl_->exact.find(key_of(name));
  if (it == impl_->exact.end() || it->second.how != ActorMatch::How::kName) return std::nullopt;
  if (impl_->actors[it->second.actor].name != name) return std::nullopt;
  return it->second.actor;
}

std::optional<ActorMatch> ActorDictionary::match(const std::vector<std::string>& words,
                                                 std::size_t start) const {
  std::optional<ActorMatch> best;
  std::string key;
  bool capitals = true;
  for (std::size_t j = start; j < words.size(); ++j) {
    key += key_of(words[j]);
    if (key.size() > impl_->longest_key) break;
    capitals = capitals && all_capitals(words[j]);
    const Target* hit = nullptr;
    if (auto it = impl_->exact.find(key); it != impl_->exact.end()) {
      hit = &it->second;
    } else if (capitals) {
      if (auto up = impl_->upper.find(upper_ascii(key)); up != impl_->upper.end())
        hit = &up->second;
    }
    if (hit) best = ActorMatch{hit->actor, j - start + 1, hit->how};
  }
  return best;
}

}  // namespace textgraph
