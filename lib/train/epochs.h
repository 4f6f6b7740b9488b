// Internal: the epoch loop every perceptron trainer runs, with model
// selection on the development set.
//
//   EpochOptions options;            // epochs, patience, seed, pruning
//   WeightTable best = run_epochs(trainer, train.size(), options,
//       /*learn=*/[&](std::size_t i) { ...score, trainer.update(...), trainer.tick()... },
//       /*evaluate=*/[&](const WeightTable& t) { return dev_accuracy(t); },   // higher = better
//       /*report=*/[&](const EpochReport& r) { log << r.epoch << " " << r.dev_score << "\n"; });
//
// Each epoch visits the examples in a fresh order drawn from Rng(seed), so a
// run is reproducible from its seed. After each epoch the averaged weights
// are evaluated; the best epoch's table is returned. Training stops early
// after `patience` epochs without improvement.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <numeric>
#include <vector>

#include "train/perceptron.h"
#include "train/rng.h"

namespace textgraph::train {

struct EpochOptions {
  int epochs = 10;          // at most this many passes over the examples
  int patience = 3;         // stop after this many epochs without a better dev score
  std::uint64_t seed = 1;   // shuffling seed
  float min_weight = 0.0f;  // averaged weights below this (absolute) are pruned
};

struct EpochReport {
  int epoch = 0;             // 1-based
  double dev_score = 0;      // what evaluate() returned
  bool best = false;         // the best so far (the one that will be kept)
  double seconds = 0;        // wall time of learning + evaluation of this epoch
  std::size_t features = 0;  // features with a weight in the trainer so far
};

inline WeightTable run_epochs(PerceptronTrainer& trainer, std::size_t num_examples,
                              const EpochOptions& options,
                              const std::function<void(std::size_t)>& learn,
                              const std::function<double(const WeightTable&)>& evaluate,
                              const std::function<void(const EpochReport&)>& report) {
  Rng rng(options.seed);
  std::vector<std::size_t> order(num_examples);
  std::iota(order.begin(), order.end(), std::size_t{0});
  WeightTable best;
  double best_score = -1;
  int since_best = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    rng.shuffle(order);
    for (std::size_t i : order) learn(i);
    WeightTable table = trainer.average(options.min_weight);
    EpochReport r;
    r.epoch = epoch;
    r.dev_score = evaluate(table);
    r.best = r.dev_score > best_score;
    r.features = trainer.num_features();
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (r.best) {
      best_score = r.dev_score;
      best = std::move(table);
      since_best = 0;
    } else {
      ++since_best;
    }
    if (report) report(r);
    if (since_best >= options.patience) break;
  }
  return best;
}

}  // namespace textgraph::train
