// `textgraph extract`: triples from parsed sentences (CoNLL-U).
#include <charconv>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "commands.h"
#include "core/error.h"
#include "core/files.h"
#include "textgraph/conllu.h"
#include "textgraph/extractor.h"

namespace textgraph::cli {

namespace {

constexpr std::string_view kUsageText =
    "usage: textgraph extract [OPTIONS] FILE...\n"
    "\n"
    "Extracts subject-relation-object triples from parsed sentences.\n"
    "\n"
    "Input is CoNLL-U (UD v2, English): every sentence must have heads and\n"
    "relations; sentences without them are skipped and counted. A '# newdoc id'\n"
    "comment starts a new document; otherwise each file is one document named\n"
    "after the file. FILE '-' reads standard input.\n"
    "\n"
    "options:\n"
    "  --input conllu        input format (only conllu until text analysis is built in)\n"
    "  --format tsv|carb     output format (default tsv):\n"
    "                          tsv:  document, sentence, confidence, subject, relation\n"
    "                                lemma, object, relation text, polarity (+/-),\n"
    "                                modality, attribution source, attribution verb,\n"
    "                                extra arguments joined by ' | '\n"
    "                          carb: CaRB tabbed lines (sentence, confidence, relation,\n"
    "                                arguments), as the Open IE benchmark scorers read them;\n"
    "                                also turns on --implicit\n"
    "  -o, --output FILE     write here (atomically; default standard output)\n"
    "  --implicit            also emit low-confidence implicit relations (X's Y → X has Y)\n"
    "  --no-implicit         do not (overrides the carb default)\n"
    "  --intransitive        also emit triples without an object\n"
    "  --min-confidence X    drop triples below confidence X (0 to 1)\n"
    "  --stats               print sentence and triple counts to standard error\n"
    "\n"
    "exit status: 0 ok, 1 bad input (message names FILE:LINE), 2 usage error\n";

void tsv_field(std::string& out, std::string_view s) {
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

std::string tsv_line(const Triple& t) {
  std::string line;
  tsv_field(line, t.provenance.document);
  line += '\t';
  line += std::to_string(t.provenance.sentence);
  line += '\t';
  char number[32];
  auto [end, ec] =
      std::to_chars(number, number + sizeof number, t.confidence, std::chars_format::fixed, 4);
  line.append(number, ec == std::errc() ? end : number);
  for (std::string_view field :
       {std::string_view(t.subject.text), std::string_view(t.relation.lemma),
        std::string_view(t.object.text), std::string_view(t.relation.text)}) {
    line += '\t';
    tsv_field(line, field);
  }
  line += t.polarity == Polarity::kNegative ? "\t-" : "\t+";
  line += '\t';
  tsv_field(line, t.modality);
  line += '\t';
  tsv_field(line, t.attribution.source);
  line += '\t';
  tsv_field(line, t.attribution.verb);
  line += '\t';
  for (std::size_t i = 0; i < t.extra.size(); ++i) {
    if (i) line += " | ";
    tsv_field(line, t.extra[i].text);
  }
  line += '\n';
  return line;
}

int run_extract(Args& args) {
  const std::string input = args.option("--input").value_or("conllu");
  const std::string format = args.option("--format").value_or("tsv");
  const std::string output = args.option("--output", "-o").value_or("-");
  const bool implicit = args.flag("--implicit");
  const bool no_implicit = args.flag("--no-implicit");
  const bool intransitive = args.flag("--intransitive");
  const bool print_stats = args.flag("--stats");
  const std::optional<std::string> min_conf = args.option("--min-confidence");
  const std::vector<std::string> files = args.positionals();
  if (input != "conllu")
    throw UsageError("--input " + input +
                     ": only conllu is supported (text input needs the tokenizer, tagger and "
                     "parser)");
  if (format != "tsv" && format != "carb")
    throw UsageError("--format must be tsv or carb, not '" + format + "'");
  if (files.empty()) throw UsageError("no input file (use - for standard input)");

  ExtractOptions options;
  options.implicit_relations = (format == "carb" || implicit) && !no_implicit;
  options.intransitive = intransitive;
  if (min_conf) {
    double v = -1;
    const char* b = min_conf->data();
    auto [p, ec] = std::from_chars(b, b + min_conf->size(), v);
    if (ec != std::errc() || p != b + min_conf->size() || v < 0 || v > 1)
      throw UsageError("--min-confidence needs a number from 0 to 1, not '" + *min_conf + "'");
    options.min_confidence = v;
  }

  ExtractStats stats;
  const Status status = guard([&] {
    OutputFile out(output);
    std::vector<Triple> triples;
    for (const std::string& file : files) {
      ConlluReader reader(file);
      Sentence sentence;
      std::string document = file;
      std::size_t index = 0;
      while (true) {
        Result<bool> got = reader.next(sentence);
        if (!got.ok())
          throw Error(got.status().code(), got.status().message(), got.status().where());
        if (!*got) break;
        for (const std::string& c : sentence.comments)
          if (c.rfind("newdoc id = ", 0) == 0) {
            document = c.substr(12);
            index = 0;
          }
        triples.clear();
        extract_sentence(sentence, index++, document, std::string(), options, triples, &stats);
        for (const Triple& t : triples)
          out.stream() << (format == "carb" ? carb_line(t) : tsv_line(t));
      }
    }
    out.commit();
  });
  if (!status.ok()) return report(status);
  if (print_stats)
    std::cerr << "sentences " << stats.sentences << "  unparsed " << stats.unparsed
              << "  malformed " << stats.malformed << "  triples " << stats.triples
              << "  truncated " << stats.truncated << "\n";
  return kOk;
}

}  // namespace

const Command kExtract{"extract", "triples from parsed sentences (CoNLL-U)", kUsageText,
                       run_extract};

}  // namespace textgraph::cli
