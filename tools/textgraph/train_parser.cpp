// `textgraph train parser`: options -> parser::train::TrainOptions.
#include <charconv>
#include <iostream>
#include <sstream>

#include "commands.h"
#include "core/error.h"
#include "parser/network.h"
#include "train/parser/parser_trainer.h"
#include "train/parser/tagger_jackknife.h"

namespace textgraph::cli {

namespace {

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

std::vector<parser::Slot> slots(const std::string& list, std::string_view option) {
  std::vector<parser::Slot> out;
  for (const std::string& name : split_commas(list)) {
    bool found = false;
    for (int s = 0; s < static_cast<int>(parser::Slot::kCount); ++s)
      if (name == parser::slot_name(static_cast<parser::Slot>(s))) {
        out.push_back(static_cast<parser::Slot>(s));
        found = true;
      }
    if (!found) throw UsageError("unknown slot '" + name + "' in " + std::string(option));
  }
  return out;
}

}  // namespace

int run_train_parser(Args& args) {
  parser::train::TrainOptions o;
  std::ostringstream command;
  command << "textgraph train parser";
  o.train = args.list("--train");
  auto output = args.option("--output", "-o");
  if (o.train.empty() || !output) throw UsageError("--train and -o are required");
  o.output = *output;
  o.dev = args.option("--dev").value_or("");
  o.input_tags = args.list("--input-tags");
  auto integer = [&](std::string_view name, int& field, long min, long max) {
    if (auto v = args.integer(name, min, max)) field = static_cast<int>(*v);
  };
  parser::NetworkConfig& n = o.network;
  integer("--epochs", o.epochs, 1, 1000);
  integer("--batch", o.batch, 1, 100000);
  integer("--decay-from", o.decay_from, 0, 1000);
  integer("--min-count", o.min_word_count, 1, 1000000);
  integer("--lstm-layers", n.lstm_layers, 0, 4);
  integer("--lstm-dim", n.lstm_dim, 1, 1024);
  integer("--hidden", n.hidden, 1, 4096);
  integer("--word-dim", n.word_dim, 0, 1024);
  integer("--suffix-dim", n.suffix_dim, 0, 1024);
  integer("--prefix-dim", n.prefix_dim, 0, 1024);
  integer("--shape-dim", n.shape_dim, 0, 1024);
  integer("--upos-dim", n.upos_dim, 0, 1024);
  integer("--xpos-dim", n.xpos_dim, 0, 1024);
  integer("--explore-from", o.explore_from, 1, 1000);
  integer("--jackknife", o.jackknife, 2, 100);
  const std::optional<std::string> tagger_path = args.option("--tagger");
  const std::vector<std::string> tagger_train = args.list("--tagger-train");
  o.save_input_tags = args.option("--save-input-tags").value_or("");
  if (o.jackknife > 1 && !tagger_path)
    throw UsageError(
        "--jackknife needs --tagger MODEL (whose training options the fold taggers use)");
  if (o.jackknife > 1 && !o.input_tags.empty())
    throw UsageError("--jackknife and --input-tags exclude each other");
  if (!tagger_train.empty() && o.jackknife < 2)
    throw UsageError("--tagger-train only makes sense with --jackknife");
  if (auto v = args.integer("--seed", 0, 1L << 62)) o.seed = static_cast<std::uint64_t>(*v);
  if (auto v = args.integer("--max-sentences", 0, 1L << 40)) o.max_sentences = *v;
  o.learning_rate = args.real("--lr", o.learning_rate, 1e-6f, 1.0f);
  o.decay = args.real("--decay", o.decay, 0.01f, 1.0f);
  o.average = args.real("--average", o.average, 0, 0.99999f);
  o.step.word_dropout = args.real("--word-dropout", o.step.word_dropout, 0, 100);
  o.step.tag_dropout = args.real("--tag-dropout", o.step.tag_dropout, 0, 1);
  o.step.encoding_dropout = args.real("--dropout", o.step.encoding_dropout, 0, 0.95f);
  o.step.hidden_dropout = args.real("--hidden-dropout", o.step.hidden_dropout, 0, 0.95f);
  o.explore = args.real("--explore", o.explore, 0, 1);
  n.aux_tagging = args.flag("--aux-tagging");
  o.step.aux_weight = args.real("--aux-weight", o.step.aux_weight, 0, 100);
  if (auto s = args.option("--slots")) n.token_slots = slots(*s, "--slots");
  if (auto s = args.option("--label-slots")) n.label_slots = slots(*s, "--label-slots");
  if (n.token_slots.empty()) throw UsageError("--slots needs at least one slot");
  if (n.input_dim() == 0) throw UsageError("every embedding dimension is 0");
  // The kind itself may still be there, depending on how `train` dispatched.
  const std::vector<std::string> rest = args.positionals();
  if (!(rest.empty() || (rest.size() == 1 && rest[0] == "parser")))
    throw UsageError("unexpected argument " + rest.back());

  // The command as recorded in the model: options in canonical form, with
  // file names only (no directories of this machine).
  auto base = [](const std::string& p) { return p.substr(p.find_last_of('/') + 1); };
  command << " --train ";
  for (std::size_t i = 0; i < o.train.size(); ++i) command << (i ? "," : "") << base(o.train[i]);
  if (!o.input_tags.empty()) {
    command << " --input-tags ";
    for (std::size_t i = 0; i < o.input_tags.size(); ++i)
      command << (i ? "," : "") << base(o.input_tags[i]);
  }
  if (!o.dev.empty()) command << " --dev " << base(o.dev);
  command << " -o " << base(o.output) << " --epochs " << o.epochs << " --seed " << o.seed
          << " --batch " << o.batch << " --lr " << o.learning_rate << " --average " << o.average
          << " --decay " << o.decay << " --decay-from " << o.decay_from << " --min-count "
          << o.min_word_count << " --lstm-layers " << n.lstm_layers << " --lstm-dim " << n.lstm_dim
          << " --hidden " << n.hidden << " --word-dim " << n.word_dim << " --suffix-dim "
          << n.suffix_dim << " --prefix-dim " << n.prefix_dim << " --shape-dim " << n.shape_dim
          << " --upos-dim " << n.upos_dim << " --xpos-dim " << n.xpos_dim << " --word-dropout "
          << o.step.word_dropout << " --tag-dropout " << o.step.tag_dropout << " --dropout "
          << o.step.encoding_dropout << " --hidden-dropout " << o.step.hidden_dropout
          << " --explore " << o.explore << " --explore-from " << o.explore_from;
  if (n.aux_tagging) command << " --aux-tagging --aux-weight " << o.step.aux_weight;
  auto slot_list = [](const std::vector<parser::Slot>& v) {
    std::string s;
    for (parser::Slot x : v) {
      if (!s.empty()) s += ',';
      s += parser::slot_name(x);
    }
    return s;
  };
  command << " --slots " << slot_list(n.token_slots) << " --label-slots "
          << slot_list(n.label_slots);
  if (o.max_sentences) command << " --max-sentences " << o.max_sentences;
  if (o.jackknife > 1) {
    command << " --jackknife " << o.jackknife;
    if (!tagger_train.empty()) {
      command << " --tagger-train ";
      for (std::size_t i = 0; i < tagger_train.size(); ++i)
        command << (i ? "," : "") << base(tagger_train[i]);
    }
  }
  if (tagger_path) command << " --tagger " << base(*tagger_path);
  if (!o.save_input_tags.empty()) command << " --save-input-tags " << base(o.save_input_tags);
  o.command = command.str();
  o.log = [](const std::string& line) { std::cerr << line << std::endl; };
  if (tagger_path) {
    Result<Tagger> tagger = Tagger::load(*tagger_path);
    if (!tagger.ok()) return report(tagger.status());
    o.tag_dev = parser::train::tag_with(*tagger);
    if (o.jackknife > 1) {
      TaggerTrainOptions fold;
      try {
        fold = parser::train::fold_options_from(tagger->metadata_json());
      } catch (const Error& e) {
        return report(Status::error(ErrorCode::kModel, e.what(), {*tagger_path}));
      }
      fold.train_files = tagger_train;
      fold.dev_file = o.dev;
      fold.log = nullptr;
      o.tag_fold = parser::train::tagger_fold(fold);
      o.tags =
          "training tags jack-knifed in " + std::to_string(o.jackknife) +
          " contiguous folds of the training files, each tagged by a tagger trained as " +
          base(*tagger_path) + " was (its recorded options) on the other folds" +
          (tagger_train.empty() ? std::string() : " plus the --tagger-train files") +
          "; dev tags from " + base(*tagger_path) +
          (n.aux_tagging ? "; the training files' own tags are the targets of the tagging heads"
                         : "");
    } else {
      o.tags =
          std::string(o.input_tags.empty() ? "training tags as in the training files"
                                           : "training input tags from --input-tags files") +
          "; dev tags from " + base(*tagger_path) +
          (n.aux_tagging ? "; the training files' own tags are the targets of the tagging heads"
                         : "");
    }
  }
  std::cerr << o.command << "\n";
  if (Status s = parser::train::train_parser(o); !s.ok()) return report(s);
  return kOk;
}

}  // namespace textgraph::cli
