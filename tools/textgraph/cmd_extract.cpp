// `textgraph extract`: triples from text (or from parsed CoNLL-U).
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli.h"
#include "commands.h"
#include "core/error.h"
#include "core/files.h"
#include "core/parallel.h"
#include "textgraph/conllu.h"
#include "textgraph/extractor.h"
#include "textgraph/pipeline.h"

namespace textgraph::cli {

namespace {

constexpr std::string_view kUsageText =
    "usage: textgraph extract [OPTIONS] INPUT...\n"
    "\n"
    "Extracts subject-relation-object triples: tokenizes, tags and parses the\n"
    "text with the default models, then applies the extraction rules.\n"
    "\n"
    "INPUT is a text file, a directory (its .txt files, recursively, in name\n"
    "order), a JSONL file (*.jsonl: one {\"id\": ..., \"text\": ..., \"date\": ...,\n"
    "\"source\": ...} object per line; other members are ignored), a CoNLL-U file\n"
    "(*.conllu: already parsed; sentences without heads are skipped and counted),\n"
    "or '-' for standard input (text unless --input says otherwise).\n"
    "\n"
    "options:\n"
    "  --input auto|text|jsonl|conllu\n"
    "                        how to read the inputs (default auto: by extension)\n"
    "  --sentence-per-line   each line is one sentence whose tokens are separated by\n"
    "                        spaces and kept as written (benchmark files such as CaRB's)\n"
    "  --format tsv|carb     output format (default tsv):\n"
    "                          tsv:  document, sentence, confidence, subject, relation\n"
    "                                lemma, object, relation text, polarity (+/-),\n"
    "                                modality, attribution source, attribution verb,\n"
    "                                extra arguments joined by ' | '\n"
    "                          carb: CaRB tabbed lines (sentence, confidence, relation,\n"
    "                                arguments), as the Open IE benchmark scorers read them;\n"
    "                                also turns on --implicit\n"
    "  -o, --output FILE     write here (atomically; default standard output)\n"
    "  -j, --threads N       analyse N documents at once (output identical to -j 1)\n"
    "  --models DIR          model directory (default $TEXTGRAPH_MODELS, else the build's)\n"
    "  --implicit            also emit low-confidence implicit relations (X's Y → X has Y)\n"
    "  --no-implicit         do not (overrides the carb default)\n"
    "  --intransitive        also emit triples without an object\n"
    "  --min-confidence X    drop triples below confidence X (0 to 1)\n"
    "  --stats               print sentence and triple counts to standard error\n"
    "\n"
    "A progress line is shown on standard error when it is a terminal and the\n"
    "input is large.\n"
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

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// "\rextract: 45% of 27.0 MB" on a terminal, at most five times a second.
class Progress {
 public:
  explicit Progress(std::uint64_t total)
      : on_(isatty(STDERR_FILENO) && (total == 0 || total > (std::uint64_t{4} << 20))),
        total_(total) {}
  ~Progress() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
  }
  void update(std::uint64_t done) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    shown_ = true;
    char line[96];
    if (total_ > 0)
      std::snprintf(
          line, sizeof line, "\rtextgraph extract: %3d%% of %.1f MB",
          static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total_)),
          static_cast<double>(total_) / 1e6);
    else
      std::snprintf(line, sizeof line, "\rtextgraph extract: %.1f MB",
                    static_cast<double>(done) / 1e6);
    std::cerr << line << std::flush;
  }

 private:
  bool on_;
  bool shown_ = false;
  std::uint64_t total_;
  std::chrono::steady_clock::time_point last_;
};

struct Settings {
  std::string format;
  ExtractOptions extract;
  PipelineOptions pipeline;
};

void write(std::ostream& out, const Settings& s, const Triple& t) {
  out << (s.format == "carb" ? carb_line(t) : tsv_line(t));
}

// Parsed input: every sentence of every file through the rules.
void run_conllu(const std::vector<std::string>& files, const Settings& s, OutputFile& out,
                ExtractStats& stats) {
  std::vector<Triple> triples;
  for (const std::string& file : files) {
    ConlluReader reader(file);
    Sentence sentence;
    std::string document = file;
    std::size_t index = 0;
    while (true) {
      Result<bool> got = reader.next(sentence);
      if (!got.ok()) throw Error(got.status().code(), got.status().message(), got.status().where());
      if (!*got) break;
      for (const std::string& c : sentence.comments)
        if (c.rfind("newdoc id = ", 0) == 0) {
          document = c.substr(12);
          index = 0;
        }
      triples.clear();
      extract_sentence(sentence, index++, document, std::string(), s.extract, triples, &stats);
      for (const Triple& t : triples) write(out.stream(), s, t);
    }
  }
}

// What one document (or piece) gives.
struct Analysed {
  InputDocument input;
  std::vector<Triple> triples;
  std::size_t sentences = 0;
  std::size_t repaired = 0;
  ExtractStats stats;
};

void shift(std::vector<Span>& spans, std::uint64_t by) {
  for (Span& sp : spans)
    if (sp.known()) {
      sp.begin += by;
      sp.end += by;
    }
}

// Text input: documents analysed on `threads` threads, written in input order.
void run_text(const std::vector<std::string>& inputs, bool jsonl_stdin, std::size_t threads,
              const std::string& models, const Settings& s, OutputFile& out, ExtractStats& stats,
              std::size_t& repaired) {
  Result<Pipeline> pipeline = Pipeline::load(models);
  if (!pipeline.ok()) {
    const Status& st = pipeline.status();
    throw Error(st.code(), st.message(), st.where());
  }
  DocumentReader reader(inputs, jsonl_stdin);
  Progress progress(reader.bytes_total());
  std::string current;            // id of the document whose pieces are coming
  std::size_t sentence_base = 0;  // sentences in its earlier pieces
  ordered_parallel_map(
      threads,
      [&]() -> std::optional<InputDocument> {
        InputDocument d;
        Result<bool> got = reader.next(d);
        if (!got.ok())
          throw Error(got.status().code(), got.status().message(), got.status().where());
        if (!*got) return std::nullopt;
        return d;
      },
      [&](InputDocument d) {
        Analysed a;
        Result<Document> doc = pipeline->analyze(d.text, d.id, s.pipeline, &a.repaired);
        if (!doc.ok()) {
          const Status& st = doc.status();
          throw Error(st.code(), st.message(), Location{d.file, d.line, 0});
        }
        a.sentences = doc->sentences.size();
        a.triples = extract(*doc, s.extract, &a.stats);
        a.input = std::move(d);
        return a;
      },
      [&](Analysed a) {
        if (a.input.piece == 0 || a.input.id != current) {
          current = a.input.id;
          sentence_base = 0;
        }
        for (Triple& t : a.triples) {
          // Pieces of a long file: sentence numbers and byte offsets run on
          // across them.
          t.provenance.sentence += sentence_base;
          shift(t.subject.spans, a.input.offset);
          shift(t.object.spans, a.input.offset);
          shift(t.relation.spans, a.input.offset);
          for (Argument& e : t.extra) shift(e.spans, a.input.offset);
          write(out.stream(), s, t);
        }
        sentence_base += a.sentences;
        stats.sentences += a.stats.sentences;
        stats.unparsed += a.stats.unparsed;
        stats.malformed += a.stats.malformed;
        stats.triples += a.stats.triples;
        stats.truncated += a.stats.truncated;
        repaired += a.repaired;
        progress.update(reader.bytes_read());
      });
}

int run_extract(Args& args) {
  const std::string input = args.option("--input").value_or("auto");
  const bool per_line = args.flag("--sentence-per-line");
  const std::string format = args.option("--format").value_or("tsv");
  const std::string output = args.option("--output", "-o").value_or("-");
  const long threads = args.integer("--threads", 1, 256, "-j").value_or(1);
  const std::string models = args.option("--models").value_or("");
  const bool implicit = args.flag("--implicit");
  const bool no_implicit = args.flag("--no-implicit");
  const bool intransitive = args.flag("--intransitive");
  const bool print_stats = args.flag("--stats");
  const std::optional<std::string> min_conf = args.option("--min-confidence");
  const std::vector<std::string> files = args.positionals();
  if (input != "auto" && input != "text" && input != "jsonl" && input != "conllu")
    throw UsageError("--input must be auto, text, jsonl or conllu, not '" + input + "'");
  if (format != "tsv" && format != "carb")
    throw UsageError("--format must be tsv or carb, not '" + format + "'");
  if (files.empty()) throw UsageError("no input (use - for standard input)");

  bool conllu = input == "conllu";
  if (input == "auto") {
    std::size_t n = 0;
    for (const std::string& f : files) n += ends_with(f, ".conllu");
    if (n != 0 && n != files.size())
      throw UsageError("CoNLL-U and text inputs cannot be mixed in one run");
    conllu = n != 0;
  }
  if (conllu && per_line) throw UsageError("--sentence-per-line applies to text input");

  Settings s;
  s.format = format;
  s.extract.implicit_relations = (format == "carb" || implicit) && !no_implicit;
  s.extract.intransitive = intransitive;
  if (min_conf) {
    double v = -1;
    const char* b = min_conf->data();
    auto [p, ec] = std::from_chars(b, b + min_conf->size(), v);
    if (ec != std::errc() || p != b + min_conf->size() || v < 0 || v > 1)
      throw UsageError("--min-confidence needs a number from 0 to 1, not '" + *min_conf + "'");
    s.extract.min_confidence = v;
  }
  s.pipeline.sentence_per_line = per_line;
  s.pipeline.extract = s.extract;

  ExtractStats stats;
  std::size_t repaired = 0;
  const Status status = guard([&] {
    OutputFile out(output);
    if (conllu)
      run_conllu(files, s, out, stats);
    else
      run_text(files, input == "jsonl", static_cast<std::size_t>(threads), models, s, out, stats,
               repaired);
    out.commit();
  });
  if (!status.ok()) return report(status);
  if (repaired > 0)
    warn(std::to_string(repaired) + " invalid UTF-8 sequence(s) replaced by U+FFFD");
  if (print_stats)
    std::cerr << "sentences " << stats.sentences << "  unparsed " << stats.unparsed
              << "  malformed " << stats.malformed << "  triples " << stats.triples
              << "  truncated " << stats.truncated << "\n";
  return kOk;
}

}  // namespace

const Command kExtract{"extract", "triples from text, JSONL documents or parsed CoNLL-U",
                       kUsageText, run_extract};

}  // namespace textgraph::cli
