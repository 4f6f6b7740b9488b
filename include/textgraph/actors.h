// textgraph/actors.h — the actor dictionary: countries with their demonyms,
// capitals and government metonyms, and international organisations with
// their acronyms, so that "the Kremlin", "Moscow" and "Russian officials" can
// all be tied to the actor Russia.
//
// Usage:
//   textgraph::Result<textgraph::ActorDictionary> d = textgraph::ActorDictionary::load_default();
//   if (!d.ok()) { report(d.status()); return; }
//   if (auto s = d->add_file("my-actors.tsv"); !s.ok()) report(s);   // --actors FILE
//   std::vector<std::string> words = {"the", "Kremlin", "said"};
//   if (auto m = d->match(words, 1)) {
//     const textgraph::Actor& a = d->actor(m->actor);   // a.name == "Russia"
//     // m->length == 1, m->how == textgraph::ActorMatch::How::kMetonym
//   }
//
// The file format (models/actors.tsv documents it in its header): one actor
// per line, five tab-separated columns — kind (country | org | place),
// canonical name, aliases, demonyms, metonyms — with "|" between names and
// "-" for an empty column; "#" starts a comment line.
//
// Failure: a missing file is ErrorCode::kIo; a malformed line (wrong column
// count, unknown kind, empty name, a name containing a tab) is
// ErrorCode::kInvalidInput naming the file and line. Nothing is added from a
// file that has an error.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "textgraph/status.h"

namespace textgraph {

enum class ActorKind { kCountry, kOrganisation, kPlace };

struct Actor {
  ActorKind kind = ActorKind::kCountry;
  std::string name;                   // canonical name ("United States")
  std::vector<std::string> aliases;   // "U.S.", "USA", "America", ...
  std::vector<std::string> demonyms;  // "American", "Americans", ...
  std::vector<std::string> metonyms;  // "Washington", "White House", ...
};

struct ActorMatch {
  enum class How { kName, kAlias, kDemonym, kMetonym };
  std::size_t actor = 0;   // index for ActorDictionary::actor()
  std::size_t length = 0;  // number of words matched
  How how = How::kName;
};

class ActorDictionary {
 public:
  ActorDictionary();
  ~ActorDictionary();
  ActorDictionary(ActorDictionary&&) noexcept;
  ActorDictionary& operator=(ActorDictionary&&) noexcept;

  // The dictionary shipped with textgraph (actors.tsv in default_model_dir()).
  [[nodiscard]] static Result<ActorDictionary> load_default();
  // Adds the entries of a file; an entry whose canonical name is already
  // known extends that actor with its names.
  [[nodiscard]] Status add_file(const std::string& path);
  // The same from text in memory; `name` is used in messages.
  [[nodiscard]] Status add_text(std::string_view text, const std::string& name);

  std::size_t size() const;
  const Actor& actor(std::size_t index) const;
  // The actor whose canonical name is exactly `name`, if any.
  std::optional<std::size_t> find(std::string_view name) const;

  // The longest entry matching words[start...] (words as tokenized, e.g.
  // {"Saudi", "Arabia"} or {"U.S."}). Case-sensitive, except that a run of
  // all-capital words (a headline) matches regardless of case. Spaces and
  // tokenization do not matter: "Bosnia - Herzegovina" matches
  // "Bosnia-Herzegovina".
  std::optional<ActorMatch> match(const std::vector<std::string>& words, std::size_t start) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace textgraph
