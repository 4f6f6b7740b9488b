// Internal (training): the project's own tagger as the parser trainer's
// source of predicted tags, so that `textgraph train parser --jackknife K
// --tagger MODEL` reproduces the whole parser from one command.
//
// Usage:
//   TaggerTrainOptions fold = fold_options_from(tagger_metadata);   // as MODEL was trained
//   fold.train_files = {"en_eslspok-ud-train.conllu"};  // added to every fold's training data
//   fold.dev_file = "en_ewt-ud-dev.conllu";             // epoch selection, as for MODEL
//   options.jackknife = 5;
//   options.tag_fold = tagger_fold(fold);               // trains a tagger per fold
//   options.tag_dev = tag_with(tagger);                 // the shipped tagger tags dev
//
// Each fold's tagger is trained with textgraph::train_tagger on the other
// folds (written to a temporary CoNLL-U file, removed afterwards) plus
// fold.train_files, so a fold tagger is trained exactly as the shipped one
// except for the held-out sentences. Deterministic: the same options give
// the same tags.
//
// Failure: the returned functions give the tagger trainer's Status
// (kIo for an unwritable temporary directory, kInvalidInput for bad data);
// fold_options_from throws Error(kModel) for metadata without tagger options.
#pragma once

#include <string>

#include "textgraph/tagger.h"
#include "textgraph/train.h"
#include "train/parser/parser_trainer.h"

namespace textgraph::parser::train {

// The options a tagger model records in its metadata ("options": seed,
// epochs, patience, passes, folds, min_ambiguity_count, lemma_epochs);
// train_files, dev_file and log are left empty.
TaggerTrainOptions fold_options_from(const std::string& tagger_metadata_json);

// Jack-knifing with taggers trained by train_tagger(base + the fold's training sentences).
TagFold tagger_fold(TaggerTrainOptions base);

// Tags sentences in place with a loaded tagger (UPOS, XPOS, FEATS, lemmas).
TagSentences tag_with(Tagger tagger);

}  // namespace textgraph::parser::train
