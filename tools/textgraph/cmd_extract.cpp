// `textgraph extract INPUT...`: documents → triples, streamed.
#include <cerrno>
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"
#include "commands.h"
#include "core/error.h"
#include "core/files.h"
#include "text_options.h"
#include "textgraph/extractor.h"
#include "textgraph/formats.h"
#include "textgraph/textgraph.h"

namespace textgraph::cli {
namespace {

const std::string kUsageText =
    std::string(
        "usage: textgraph extract [OPTIONS] INPUT...\n"
        "\n"
        "Reads English documents, tokenizes, tags and parses them with the default\n"
        "models, and writes the subject-relation-object triples the extraction rules\n"
        "find, in input order, as they come. INPUT is:\n") +
    std::string(kDocumentInputsHelp) +
    "\n"
    "output (--format):\n"
    "  jsonl (default)  one triple record per line, lossless (see the README): texts,\n"
    "                   relation lemma, polarity, modality, attribution, confidence,\n"
    "                   provenance (document id, sentence index in the document,\n"
    "                   sentence text; spans = byte ranges in the input document as\n"
    "                   read). `textgraph build` reads it back.\n"
    "  tsv              subject TAB relation lemma TAB object TAB confidence, the\n"
    "                   triple TSV `textgraph build` reads; with --view actors the\n"
    "                   subject and object are actors where there is one\n"
    "  carb             CaRB tabbed lines (sentence, confidence, relation, arguments)\n"
    "                   as the Open IE benchmark scorers read them; a passive is\n"
    "                   written as read and once more in its active reading; turns\n"
    "                   on --implicit; phrases unless --view actors is given\n"
    "\n"
    "options:\n"
    "  --format jsonl|tsv|carb  see above\n"
    "  -o, --output FILE     write here, atomically (default standard output)\n"
    "  --intransitive        --format carb: also triples without an object\n"
    "  --stats               print document, sentence, word and triple counts to\n"
    "                        standard error\n" +
    std::string(kTextOptionsHelp) +
    "\n"
    "A progress line is shown on standard error when it is a terminal and the\n"
    "run lasts more than a second.\n"
    "\n"
    "exit status: 0 ok; 1 bad input or model (the message names FILE:LINE[:COL]),\n"
    "the output file is then left as it was; 2 usage error\n";

enum class OutFormat { kJsonl, kTsv, kCarb };

OutFormat out_format(const std::string& name) {
  if (name == "jsonl") return OutFormat::kJsonl;
  if (name == "tsv") return OutFormat::kTsv;
  if (name == "carb") return OutFormat::kCarb;
  throw UsageError("--format must be jsonl, tsv or carb, not '" + name + "'");
}

// The TSV's relation column is the lemma, the label graph edges merge on,
// so that a graph built from it has the edges of the JSONL.
std::string tsv_line(const Triple& t) {
  Triple shown = t;
  if (!t.relation.lemma.empty()) shown.relation.text = t.relation.lemma;
  return triple_to_tsv(shown) + '\n';
}

// TSV and CaRB have one column per argument: in the actors view it holds
// the actor when there is one (JSONL keeps both).
Triple as_actors(const Triple& t) {
  Triple shown = t;
  for (Argument* a : {&shown.subject, &shown.object})
    if (!a->actor.empty()) a->text = a->actor;
  for (Argument& a : shown.extra)
    if (!a.actor.empty()) a.text = a.actor;
  return shown;
}

std::string line_of(const Triple& t, OutFormat format, EntityView view) {
  switch (format) {
    case OutFormat::kJsonl:
      return triple_to_json(t) + '\n';
    case OutFormat::kTsv:
      return tsv_line(view == EntityView::kActors ? as_actors(t) : t);
    case OutFormat::kCarb:
      return carb_line(view == EntityView::kActors ? as_actors(t) : t);
  }
  return {};
}

int run_extract(Args& args) {
  const OutFormat format = out_format(args.option("--format").value_or("jsonl"));
  const std::string output = args.option("--output", "-o").value_or("-");
  const bool intransitive = args.flag("--intransitive");
  const bool print_stats = args.flag("--stats");
  TextGraphOptions options =
      read_text_options(args, format == OutFormat::kCarb, ActorLinking::kInOrder);
  const std::vector<std::string> inputs = args.positionals();
  if (inputs.empty()) throw UsageError("no input (give a FILE, a DIR, or - for standard input)");
  if (intransitive && format != OutFormat::kCarb)
    throw UsageError("--intransitive needs --format carb (triple files need an object)");
  options.extract.intransitive = intransitive;

  Progress progress("textgraph extract");
  options.progress = [&](const ReadProgress& p) { progress.update(p); };
  TextGraphReport summary;
  bool broken_pipe = false;  // `textgraph extract ... | head`: end quietly
  const Status status = guard([&] {
    OutputFile out(output);
    const Status st = extract_inputs(
        inputs, options,
        [&](const Chunk& chunk, std::vector<Triple>& triples) -> Status {
          for (const Triple& t : triples) {
            // A triple file must read back: the same check the readers make.
            if (format != OutFormat::kCarb)
              if (Status s = check_triple(t); !s.ok())
                return Status::error(s.code(), s.message(), chunk.origin);
            out.stream() << line_of(t, format, options.view);
          }
          if (!out.stream()) {
            broken_pipe = output == "-" && errno == EPIPE;
            return Status::error(ErrorCode::kIo, "cannot write output", {output});
          }
          return {};
        },
        &summary);
    if (!st.ok()) throw Error(st.code(), st.message(), st.where());
    out.commit();
  });
  progress.done();
  warn_after(summary);
  if (broken_pipe) return kOk;
  if (!status.ok()) return report(status);
  if (print_stats)
    std::cerr << "documents " << summary.documents << "  sentences " << summary.extract.sentences
              << "  words " << summary.words << "  unparsed " << summary.extract.unparsed
              << "  malformed " << summary.extract.malformed << "  triples "
              << summary.extract.triples << "  truncated " << summary.extract.truncated << "\n";
  return kOk;
}

}  // namespace

const Command kExtract{"extract", "triples from text, JSONL documents or CoNLL-U", kUsageText,
                       run_extract};

}  // namespace textgraph::cli
