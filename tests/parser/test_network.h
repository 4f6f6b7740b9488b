// Test helper: a parser network built in memory.
#pragma once

#include <cstdint>
#include <memory>
#include <random>

#include "parser/network.h"

namespace textgraph::testing {

// A small network with random weights: enough to exercise every code path
// without training data. With `tagging_heads`, it also has XPOS tags and
// the UPOS/XPOS heads of a model trained with --aux-tagging.
inline std::unique_ptr<parser::Network> random_network(std::uint32_t seed = 1,
                                                       bool tagging_heads = false) {
  auto net = std::make_unique<parser::Network>();
  parser::NetworkConfig& c = net->config;
  c.word_dim = 16;
  c.suffix_dim = 8;
  c.prefix_dim = 8;
  c.shape_dim = 8;
  c.upos_dim = 8;
  c.xpos_dim = 0;
  c.lstm_layers = 2;
  c.lstm_dim = 16;
  c.hidden = 32;
  c.token_slots = {parser::Slot::kS0, parser::Slot::kS1, parser::Slot::kB0, parser::Slot::kS0L1};
  for (const char* w : {"the", "minister", "said", "talks", "would", "resume", ".", ","})
    net->vocab.words.add(w);
  for (const char* s : {"he", "ter", "aid", "lks"}) net->vocab.suffixes.add(s);
  for (const char* s : {"th", "mi", "sa"}) net->vocab.prefixes.add(s);
  for (const char* s : {"xx", "Xx", "."}) net->vocab.shapes.add(s);
  for (const char* s : {"DET", "NOUN", "VERB", "PUNCT"}) net->vocab.upos.add(s);
  if (tagging_heads) {
    c.aux_tagging = true;
    for (const char* s : {"DT", "NNS", "NN", "VBD", "."}) net->vocab.xpos.add(s);
  }
  net->vocab.labels = {"root", "nsubj", "obj", "det", "punct", "nsubj:pass"};
  net->allocate();
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(-0.5f, 0.5f);
  for (parser::Tensor* t : net->tensors())
    for (float& x : t->data) x = u(rng);
  return net;
}

}  // namespace textgraph::testing
