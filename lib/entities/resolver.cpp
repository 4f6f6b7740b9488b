#include <algorithm>
#include <filesystem>

#include "entities/work.h"
#include "textgraph/entities.h"
#include "textgraph/model.h"

namespace textgraph {

using entities::Work;

struct EntityResolver::Impl {
  const ActorDictionary* dictionary;
  EntityOptions options;
};

EntityResolver::EntityResolver(const ActorDictionary& dictionary, EntityOptions options)
    : impl_(std::make_unique<Impl>(Impl{&dictionary, options})) {}
EntityResolver::~EntityResolver() = default;
EntityResolver::EntityResolver(EntityResolver&&) noexcept = default;
EntityResolver& EntityResolver::operator=(EntityResolver&&) noexcept = default;

namespace {

// Words (0-based) of an argument: those inside its byte spans, else the
// first run of words whose forms spell its text (spaces aside).
std::vector<int> argument_words(const Document& doc, const Sentence& s, const Argument& arg) {
  std::vector<int> out;
  bool spans = !arg.spans.empty();
  for (const Span& sp : arg.spans) spans = spans && sp.known();
  if (spans && !s.words.empty() && s.words.front().span.known()) {
    for (std::size_t k = 0; k < s.words.size(); ++k) {
      const Span& w = s.words[k].span;
      for (const Span& sp : arg.spans)
        if (w.known() && w.begin >= sp.begin && w.end <= sp.end) {
          out.push_back(static_cast<int>(k));
          break;
        }
    }
    if (!out.empty()) return out;
  }
  (void)doc;
  std::string key;
  for (char c : arg.text)
    if (c != ' ') key += c;
  if (key.empty()) return out;
  for (std::size_t a = 0; a < s.words.size(); ++a) {
    std::string got;
    std::size_t b = a;
    while (b < s.words.size() && got.size() < key.size()) {
      for (char c : s.words[b].form)
        if (c != ' ') got += c;
      ++b;
    }
    if (got == key) {
      for (std::size_t k = a; k < b; ++k) out.push_back(static_cast<int>(k));
      return out;
    }
  }
  return out;
}

int argument_head(const Sentence& s, const std::vector<int>& words, bool parsed) {
  if (words.empty()) return -1;
  if (!parsed) return words.back();
  for (int k : words) {
    const int h = s.words[static_cast<std::size_t>(k)].head - 1;
    if (!std::binary_search(words.begin(), words.end(), h)) return k;
  }
  return words.back();
}

}  // namespace

DocumentEntities EntityResolver::resolve(const Document& doc, std::vector<Triple>& triples) const {
  Work work;
  work.doc = &doc;
  work.dictionary = impl_->dictionary;
  entities::prepare(work);
  entities::find_mentions(work, impl_->options);
  entities::link_names(work);
  if (impl_->options.coreference) entities::resolve_coreference(work, impl_->options);
  entities::settle_types(work);

  DocumentEntities out;
  out.document = doc.id;
  const auto place = [&](std::size_t si, Argument& arg) {
    if (arg.text.empty()) return;
    ++out.arguments;
    const entities::SentenceView& view = work.sentences[si];
    const std::vector<int> words = argument_words(doc, *view.sentence, arg);
    const int head = argument_head(*view.sentence, words, view.parsed);
    if (head < 0) return;
    const int m = view.mention_of[static_cast<std::size_t>(head)];
    if (m < 0) return;
    const Mention& mention = work.mentions[static_cast<std::size_t>(m)];
    if (mention.actor.empty()) return;
    arg.actor = mention.actor;
    if (!mention.type.empty()) arg.type = mention.type;
    // The attributes the phrase itself gives (a pronoun or a description
    // names the actor without restating them), as the actor table counts them.
    arg.title = mention.title;
    arg.affiliation = mention.affiliation != mention.actor ? mention.affiliation : std::string();
    const bool own_role = mention.kind == MentionKind::kGroup || mention.kind == MentionKind::kName;
    arg.role = own_role ? mention.role : std::string();
    ++out.resolved;
  };
  for (Triple& t : triples) {
    const std::size_t si = t.provenance.sentence;
    if (si >= work.sentences.size()) {
      ++out.unplaced;
      continue;
    }
    place(si, t.subject);
    place(si, t.object);
    for (Argument& e : t.extra) place(si, e);
  }
  // A triple whose two sides are the same actor ("Vladimir Putin -[be]->
  // Russian President" from a title, an apposition naming the same person)
  // says nothing between actors; the mention keeps it as an attribute.
  triples.erase(std::remove_if(triples.begin(), triples.end(),
                               [&](const Triple& t) {
                                 const bool same =
                                     !t.subject.actor.empty() && t.subject.actor == t.object.actor;
                                 if (same) ++out.self_references;
                                 return same;
                               }),
                triples.end());

  // Public mentions: plain noun phrases only served as competitors.
  std::vector<int> remap(work.mentions.size(), -1);
  for (std::size_t i = 0; i < work.mentions.size(); ++i) {
    if (work.info[i].common) continue;
    remap[i] = static_cast<int>(out.mentions.size());
    out.mentions.push_back(std::move(work.mentions[i]));
  }
  for (Mention& m : out.mentions)
    if (m.antecedent >= 0) m.antecedent = remap[static_cast<std::size_t>(m.antecedent)];
  for (std::size_t i = 0; i < out.mentions.size(); ++i) {
    const Mention& m = out.mentions[i];
    if (m.kind == MentionKind::kName && (m.type == "PERSON" || m.type.empty()) &&
        m.actor.find(' ') != std::string::npos &&
        std::find(out.full_names.begin(), out.full_names.end(), m.actor) == out.full_names.end())
      out.full_names.push_back(m.actor);
  }
  return out;
}

Result<ActorDictionary> load_actor_dictionary(const std::string& model_dir,
                                              const std::vector<std::string>& files) {
  ActorDictionary dictionary;
  std::string shipped = default_model_dir() + "/actors.tsv";
  if (!model_dir.empty()) {
    std::error_code ec;
    if (std::filesystem::exists(model_dir + "/actors.tsv", ec)) shipped = model_dir + "/actors.tsv";
  }
  if (Status s = dictionary.add_file(shipped); !s.ok()) return s;
  for (const std::string& f : files)
    if (Status s = dictionary.add_file(f); !s.ok()) return s;
  return dictionary;
}

void clear_actors(std::vector<Triple>& triples) {
  for (Triple& t : triples) {
    t.subject.actor.clear();
    t.object.actor.clear();
    for (Argument& e : t.extra) e.actor.clear();
  }
}

}  // namespace textgraph
