#include "text_options.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iostream>

namespace textgraph::cli {

const std::string_view kDocumentInputsHelp =
    "  FILE     raw UTF-8 text, one document named after the path as given\n"
    "  DIR      its *.txt, *.jsonl and *.conllu files, recursively, in byte order\n"
    "           of their paths (names starting with '.' skipped), all documents\n"
    "  -        standard input, raw text (document id 'stdin')\n"
    "  *.jsonl  a document stream: one {\"id\": ..., \"text\": ..., \"date\": ...,\n"
    "           \"source\": ...} object per line; \"text\" is required, \"id\" is a\n"
    "           string or an integer, other fields are ignored\n"
    "  *.conllu sentences already tokenized; complete trees are kept (see --reparse)\n";

const std::string_view kTextOptionsHelp =
    "  --input auto|text|jsonl|conllu  read every document input in this format\n"
    "                        (default auto: by file name, raw text for standard input)\n"
    "  --sentence-per-line   every line of text is one sentence; tokens already\n"
    "                        separated by spaces stay tokens (PTB style: Bruce 's,\n"
    "                        30 - year), so benchmark files such as CaRB's extract\n"
    "  --pretokenized        like --sentence-per-line, and the tokens are exactly the\n"
    "                        space-separated pieces\n"
    "  --line-breaks auto|sentence|space  raw text: does a single line break end a\n"
    "                        sentence? auto: yes unless the text looks hard-wrapped\n"
    "  --reparse             CoNLL-U input: predict tags and trees anew\n"
    "  -j, --threads N       analyse and extract on N threads; the output is the\n"
    "                        same bytes for any N\n"
    "  --model-dir DIR       read tagger.tgm and parser.tgm from DIR (default\n"
    "                        $TEXTGRAPH_MODELS or the installed models)\n"
    "  --implicit            also low-confidence implicit relations (X's Y: X has Y)\n"
    "  --no-implicit         not even for --format carb\n"
    "  --min-confidence X    drop triples below confidence X (0 to 1)\n"
    "  --view actors|mentions  what arguments stand for. actors (default; mentions\n"
    "                        for --format carb): names, aliases, demonyms,\n"
    "                        metonyms and pronouns resolved to canonical actors\n"
    "                        (\"Russian President Vladimir Putin\", \"Putin\" and \"he\"\n"
    "                        are \"Vladimir Putin\"; \"the Kremlin\" is Russia);\n"
    "                        mentions: argument phrases as written\n"
    "  --actors FILE         add the actor dictionary entries of FILE to the shipped\n"
    "                        ones (models/actors.tsv shows the layout: kind, name,\n"
    "                        aliases, demonyms, metonyms, tab-separated); repeatable;\n"
    "                        a malformed entry is an error naming FILE:LINE\n"
    "  --link corpus|order   actors view: link a lone surname (\"Trump\") to the one\n"
    "                        person of that name in the whole input (corpus; the\n"
    "                        default of build, which then adds every triple at the\n"
    "                        end) or in what was read before it (order; the default\n"
    "                        of extract, which writes triples as it goes)\n";

namespace {

InputFormat input_format(const std::string& name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "conllu") return InputFormat::kConllu;
  if (name == "jsonl") return InputFormat::kJsonl;
  throw UsageError("--input must be auto, text, jsonl or conllu, not '" + name + "'");
}

LineBreaks line_breaks(const std::string& name) {
  if (name == "auto") return LineBreaks::kAuto;
  if (name == "sentence") return LineBreaks::kSentence;
  if (name == "space") return LineBreaks::kSpace;
  throw UsageError("--line-breaks must be auto, sentence or space, not '" + name + "'");
}

double confidence(const std::string& text) {
  double v = -1;
  const char* b = text.data();
  auto [p, ec] = std::from_chars(b, b + text.size(), v);
  if (ec != std::errc() || p != b + text.size() || !(v >= 0 && v <= 1))
    throw UsageError("--min-confidence needs a number from 0 to 1, not '" + text + "'");
  return v;
}

}  // namespace

TextGraphOptions read_text_options(Args& args, bool carb_output, ActorLinking linking) {
  TextGraphOptions o;
  o.input.format = input_format(args.option("--input").value_or("auto"));
  o.input.line_breaks = line_breaks(args.option("--line-breaks").value_or("auto"));
  o.input.keep_tokens = args.flag("--pretokenized");
  o.input.sentence_per_line = args.flag("--sentence-per-line") || o.input.keep_tokens;
  if (args.flag("--reparse")) o.analyzer.given = GivenAnnotation::kReplace;
  o.analyzer.model_dir = args.option("--model-dir").value_or("");
  o.threads = static_cast<std::size_t>(args.integer("--threads", 1, 256, "-j").value_or(1));
  const bool implicit = args.flag("--implicit");
  const bool no_implicit = args.flag("--no-implicit");
  o.extract.implicit_relations = (implicit || carb_output) && !no_implicit;
  if (auto c = args.option("--min-confidence")) o.extract.min_confidence = confidence(*c);
  const std::string view = args.option("--view").value_or(carb_output ? "mentions" : "actors");
  if (view == "actors")
    o.view = EntityView::kActors;
  else if (view == "mentions")
    o.view = EntityView::kMentions;
  else
    throw UsageError("--view must be actors or mentions, not '" + view + "'");
  o.actor_files = args.options("--actors");
  o.linking = linking;
  if (auto link = args.option("--link")) {
    if (*link == "corpus")
      o.linking = ActorLinking::kWholeCorpus;
    else if (*link == "order")
      o.linking = ActorLinking::kInOrder;
    else
      throw UsageError("--link must be corpus or order, not '" + *link + "'");
  }
  return o;
}

Progress::Progress(std::string command)
    : command_(std::move(command)),
      terminal_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()) {}

void Progress::update(const ReadProgress& p) {
  if (!terminal_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(1)) return;
  if (shown_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  shown_ = true;
  char line[160];
  const double mb = static_cast<double>(p.bytes_done) / 1e6;
  if (p.bytes > 0)
    std::snprintf(
        line, sizeof line, "\r%s: %3d%% of %.1f MB, file %zu of %zu, %zu documents",
        command_.c_str(),
        static_cast<int>(100.0 * static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes)),
        static_cast<double>(p.bytes) / 1e6, std::min(p.files_done + 1, p.files), p.files,
        p.documents);
  else
    std::snprintf(line, sizeof line, "\r%s: %.1f MB, %zu documents", command_.c_str(), mb,
                  p.documents);
  std::cerr << line << "\033[K" << std::flush;
}

void Progress::done() {
  if (shown_) std::cerr << "\r\033[K" << std::flush;
  shown_ = false;
  terminal_ = false;
}

void warn_after(const TextGraphReport& report) {
  for (const auto& [file, count] : report.repaired)
    warn(file + ": " + std::to_string(count) + " invalid UTF-8 sequence(s) replaced by U+FFFD");
  if (report.control_characters > 0)
    warn(std::to_string(report.control_characters) +
         " control character(s) in extracted text replaced by spaces");
  if (report.documents > 0 && report.extract.sentences == 0) warn("no sentences in the input");
}

}  // namespace textgraph::cli
