// Cost of the entity stage (mentions, names, coreference, actors on triples)
// against the whole text → triples pipeline, on one thread.
//
//   entities_bench [--runs N] [--dump] TEXT...
//
// Each TEXT file is one document. Per run, times (1) tokenize + tag + parse,
// (2) extract, (3) EntityResolver::resolve + ActorLinker::link over all the
// documents, and prints words/s and the entity stage's share of the total.
// The medians over runs follow. --dump prints the mentions and the triples
// with their actors instead (first run only), for reading by eye.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "core/files.h"
#include "textgraph/actors.h"
#include "textgraph/conllu.h"
#include "textgraph/entities.h"
#include "textgraph/extractor.h"
#include "textgraph/pipeline.h"
#include "timing.h"

namespace {

using textgraph::bench::median;

double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

const char* kind_name(textgraph::MentionKind k) {
  switch (k) {
    case textgraph::MentionKind::kName:
      return "name";
    case textgraph::MentionKind::kGroup:
      return "group";
    case textgraph::MentionKind::kPronoun:
      return "pronoun";
    case textgraph::MentionKind::kDescription:
      return "description";
  }
  return "";
}

void dump(const textgraph::DocumentEntities& e, const std::vector<textgraph::Triple>& triples) {
  for (std::size_t i = 0; i < e.mentions.size(); ++i) {
    const textgraph::Mention& m = e.mentions[i];
    std::cout << "mention " << i << " s" << m.sentence << " " << kind_name(m.kind) << " '" << m.text
              << "' -> '" << m.actor << "' " << m.type;
    if (!m.title.empty()) std::cout << " title='" << m.title << "'";
    if (!m.affiliation.empty()) std::cout << " affiliation='" << m.affiliation << "'";
    if (!m.role.empty()) std::cout << " role='" << m.role << "'";
    if (m.antecedent >= 0) std::cout << " antecedent=" << m.antecedent;
    if (m.partial) std::cout << " partial";
    std::cout << "\n";
  }
  for (const textgraph::Triple& t : triples)
    std::cout << "triple s" << t.provenance.sentence << " [" << t.subject.text << " => "
              << t.subject.actor << "] -[" << t.relation.lemma << "]-> [" << t.object.text << " => "
              << t.object.actor << "]\n";
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5;
  bool show = false;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc)
      runs = std::max(1, std::stoi(argv[++i]));
    else if (a == "--dump")
      show = true;
    else
      paths.push_back(a);
  }
  if (paths.empty()) {
    std::cerr << "usage: entities_bench [--runs N] [--dump] TEXT...\n";
    return 2;
  }
  auto pipeline = textgraph::Analyzer::load();
  auto dictionary = textgraph::ActorDictionary::load_default();
  if (!pipeline.ok() || !dictionary.ok()) {
    std::cerr << (pipeline.ok() ? dictionary.status() : pipeline.status()).to_string() << "\n";
    return 1;
  }
  std::vector<std::string> texts;
  for (const std::string& p : paths) texts.push_back(textgraph::read_file(p));
  const textgraph::EntityResolver resolver(*dictionary);

  std::vector<double> analyse_s, extract_s, entity_s, share;
  std::size_t words = 0, triples_n = 0, resolved = 0, arguments = 0;
  for (int r = 0; r < runs; ++r) {
    std::vector<textgraph::Document> docs;
    auto t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < texts.size(); ++i) {
      textgraph::TokenizerOptions options;
      options.document_id = paths[i];
      auto d = pipeline->analyze_text(texts[i], options);
      if (!d.ok()) {
        std::cerr << d.status().to_string() << "\n";
        return 1;
      }
      docs.push_back(std::move(*d));
    }
    const double a = since(t0);
    t0 = std::chrono::steady_clock::now();
    std::vector<std::vector<textgraph::Triple>> triples;
    for (const textgraph::Document& d : docs) triples.push_back(textgraph::extract(d));
    const double x = since(t0);
    t0 = std::chrono::steady_clock::now();
    textgraph::ActorLinker linker;
    std::vector<textgraph::DocumentEntities> found;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      found.push_back(resolver.resolve(docs[i], triples[i]));
      linker.link(found.back(), triples[i]);
    }
    const double e = since(t0);
    words = triples_n = resolved = arguments = 0;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      for (const auto& s : docs[i].sentences) words += s.words.size();
      triples_n += triples[i].size();
      resolved += found[i].resolved;
      arguments += found[i].arguments;
    }
    if (show) {
      if (std::getenv("ENTITIES_BENCH_CONLLU"))
        for (const auto& d : docs)
          for (const auto& s : d.sentences) textgraph::write_conllu(s, std::cout);
      for (std::size_t i = 0; i < docs.size(); ++i) dump(found[i], triples[i]);
      for (const textgraph::ActorRecord& ar : linker.table()) {
        std::cout << "actor '" << ar.actor << "' " << ar.type << " x" << ar.mentions << " aliases:";
        for (const auto& [text, n] : ar.aliases) std::cout << " '" << text << "' " << n;
        for (const auto& [k, v] : ar.attributes) std::cout << " " << k << "='" << v << "'";
        std::cout << "\n";
      }
      return 0;
    }
    analyse_s.push_back(a);
    extract_s.push_back(x);
    entity_s.push_back(e);
    share.push_back(e / (a + x + e));
    std::cout << "run " << r + 1 << ": analyse " << a << " s, extract " << x << " s, entities " << e
              << " s (" << 100.0 * share.back() << "% of the total), "
              << static_cast<long>(static_cast<double>(words) / (a + x + e)) << " words/s\n";
  }
  std::cout << "documents " << texts.size() << ", words " << words << ", triples " << triples_n
            << ", arguments " << arguments << ", with an actor " << resolved << "\n"
            << "median analyse " << median(analyse_s) << " s, extract " << median(extract_s)
            << " s, entities " << median(entity_s) << " s; entity share " << 100.0 * median(share)
            << "%; entities alone "
            << static_cast<long>(static_cast<double>(words) / median(entity_s)) << " words/s\n";
  return 0;
}
