// `textgraph parse INPUT...`: tokenize, tag and parse; CoNLL-U out.
#include <algorithm>
#include <cerrno>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli.h"
#include "commands.h"
#include "core/error.h"
#include "core/files.h"
#include "textgraph/ner.h"
#include "textgraph/pipeline.h"

namespace textgraph::cli {
namespace {

constexpr std::string_view kUsageText =
    "usage: textgraph parse [OPTIONS] FILE|DIR|-...\n"
    "\n"
    "Tokenizes, tags, lemmatizes and parses English text and writes CoNLL-U\n"
    "(Universal Dependencies v2). Inputs are read one after the other:\n"
    "  FILE     raw UTF-8 text, one document named after the file; *.jsonl files\n"
    "           are JSONL document streams and *.conllu files CoNLL-U (see --input)\n"
    "  DIR      its *.txt, *.jsonl and *.conllu files, recursively, in byte order\n"
    "           of their paths (names starting with '.' are skipped)\n"
    "  -        standard input (raw text unless --input says otherwise)\n"
    "JSONL: one object per line, {\"id\": ..., \"text\": ..., \"date\": ..., \"source\": ...};\n"
    "\"text\" is required, other fields are optional, unknown fields are ignored.\n"
    "\n"
    "Text output: '# newdoc id = ID' starts each document, '# newpar' each paragraph\n"
    "(after a blank line), '# sent_id = N' numbers the sentences from 1, and MISC\n"
    "holds TokenRange=BEGIN:END, the token's byte range in its input document (the\n"
    "file, or the JSONL \"text\"), counted in the original bytes even where invalid\n"
    "UTF-8 was replaced by U+FFFD (reported as a warning).\n"
    "\n"
    "CoNLL-U input keeps its tokens, sentences, comments and MISC; LEMMA, UPOS,\n"
    "XPOS, FEATS, HEAD and DEPREL are predicted and replace what the file holds,\n"
    "and DEPS and NER are cleared (so a gold file can be scored against its parse;\n"
    "with --ner, NER is predicted anew).\n"
    "\n"
    "options:\n"
    "  --input auto|text|conllu|jsonl  format of every input (default auto: by file\n"
    "                        name, raw text for standard input)\n"
    "  --sentence-per-line   every line of text is one sentence; tokens already\n"
    "                        separated by spaces stay tokens (PTB style: Bruce 's)\n"
    "  --pretokenized        like --sentence-per-line, and the tokens are exactly the\n"
    "                        space-separated pieces (no tokenizer rules at all)\n"
    "  --line-breaks auto|sentence|space  raw text: does a single line break end a\n"
    "                        sentence? auto: yes unless the text looks hard-wrapped\n"
    "  --keep-given          CoNLL-U: keep complete tags and trees, predict the rest\n"
    "  -o, --output FILE     write here, atomically (default standard output)\n"
    "  -j, --threads N       analyze on N threads; the output is the same for any N\n"
    "  --model-dir DIR       read tagger.tgm and parser.tgm from DIR (default\n"
    "                        $TEXTGRAPH_MODELS or the installed models)\n"
    "  --tagger FILE, --parser FILE  a model file of its own for either\n"
    "  --no-retag            keep the tagger's tags as they are (by default the\n"
    "                        parser's tagging heads re-choose them, which is more\n"
    "                        accurate; lemmas and FEATS follow the new tags)\n"
    "  --ner                 also tag named entities: MISC gets NER=B-PER, I-PER,\n"
    "                        B-ORG, ... (IOB2, Universal NER types PER, ORG, LOC)\n"
    "                        on every word, NER=O outside entities\n"
    "  --ner-model FILE      the NER model (implies --ner; default ner.tgm in the\n"
    "                        model directory)\n"
    "  --chunk-size BYTES    text is analyzed in pieces cut at the first blank line\n"
    "                        after this many bytes (default 32768)\n"
    "\n"
    "exit status: 0 ok; 1 bad input or model (the message names FILE:LINE), the\n"
    "output file is then left as it was; 2 usage error\n";

InputFormat input_format(const std::string& name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "conllu") return InputFormat::kConllu;
  if (name == "jsonl") return InputFormat::kJsonl;
  throw UsageError("--input must be auto, text, conllu or jsonl, not '" + name + "'");
}

LineBreaks line_breaks(const std::string& name) {
  if (name == "auto") return LineBreaks::kAuto;
  if (name == "sentence") return LineBreaks::kSentence;
  if (name == "space") return LineBreaks::kSpace;
  throw UsageError("--line-breaks must be auto, sentence or space, not '" + name + "'");
}

int run_parse(Args& args) {
  InputOptions in;
  in.format = input_format(args.option("--input").value_or("auto"));
  in.line_breaks = line_breaks(args.option("--line-breaks").value_or("auto"));
  in.keep_tokens = args.flag("--pretokenized");
  in.sentence_per_line = args.flag("--sentence-per-line") || in.keep_tokens;
  if (auto bytes = args.integer("--chunk-size", 1, 1L << 30)) {
    in.chunk_bytes = static_cast<std::size_t>(*bytes);
    in.max_chunk_bytes = std::max(in.max_chunk_bytes, in.chunk_bytes);
  }
  AnalyzerOptions an;
  an.model_dir = args.option("--model-dir").value_or("");
  an.tagger_model = args.option("--tagger").value_or("");
  an.parser_model = args.option("--parser").value_or("");
  if (args.flag("--keep-given")) an.given = GivenAnnotation::kKeep;
  an.retag = !args.flag("--no-retag");
  const std::optional<std::string> ner_model = args.option("--ner-model");
  const bool ner = args.flag("--ner") || ner_model.has_value();
  const std::string output = args.option("--output", "-o").value_or("-");
  const long threads = args.integer("--threads", 1, 256, "-j").value_or(1);
  const std::vector<std::string> inputs = args.positionals();
  if (inputs.empty()) throw UsageError("no input (give a FILE, a DIR, or - for standard input)");

  Result<Analyzer> analyzer = Analyzer::load(an);
  if (!analyzer.ok()) return report(analyzer.status());
  if (ner) {
    Result<NerTagger> tagger = ner_model ? NerTagger::load(*ner_model)
                               : an.model_dir.empty()
                                   ? NerTagger::load_default()
                                   : NerTagger::load(an.model_dir + "/" + kNerModelFile);
    if (!tagger.ok()) return report(tagger.status());
    analyzer->add_step(make_ner_step(*tagger));
  }
  Result<DocumentReader> reader = DocumentReader::open(inputs, in);
  if (!reader.ok()) return report(reader.status());

  // Repairs are reported per input file, in reading order.
  std::vector<std::string> repaired_files;
  std::map<std::string, std::size_t> repaired;
  std::size_t sentences = 0;
  bool broken_pipe = false;  // `textgraph parse ... | head`: end quietly
  const Status status = guard([&] {
    OutputFile out(output);
    ConlluChunkWriter writer(out.stream());
    const Status st = analyze_stream(
        *reader, *analyzer, static_cast<std::size_t>(threads), [&](Chunk& chunk) -> Status {
          if (chunk.repaired > 0) {
            auto [it, added] = repaired.emplace(chunk.origin.file, 0);
            if (added) repaired_files.push_back(chunk.origin.file);
            it->second += chunk.repaired;
          }
          writer.write(chunk);
          if (!out.stream()) {
            broken_pipe = output == "-" && errno == EPIPE;
            return Status::error(ErrorCode::kIo, "cannot write output", {output});
          }
          return {};
        });
    if (!st.ok()) throw Error(st.code(), st.message(), st.where());
    out.commit();
    sentences = writer.sentences();
  });
  for (const std::string& file : repaired_files)
    warn(file + ": " + std::to_string(repaired[file]) +
         " invalid UTF-8 sequence(s) replaced by U+FFFD");
  if (broken_pipe) return kOk;
  if (!status.ok()) return report(status);
  if (sentences == 0) warn("no sentences in the input");
  return kOk;
}

}  // namespace

const Command kParse{"parse", "tokenize, tag and parse text into CoNLL-U", kUsageText, run_parse};

}  // namespace textgraph::cli
