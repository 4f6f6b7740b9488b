// Helpers for the eval tests: CoNLL-U written compactly.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "textgraph/conllu.h"
#include "textgraph/eval.h"

namespace textgraph::testing {

// One CoNLL-U word line; "_" columns where a value is not given.
inline std::string row(const std::string& id, const std::string& form, const std::string& lemma,
                       const std::string& upos, const std::string& xpos, const std::string& feats,
                       const std::string& head, const std::string& deprel) {
  return id + "\t" + form + "\t" + lemma + "\t" + upos + "\t" + xpos + "\t" + feats + "\t" + head +
         "\t" + deprel + "\t_\t_\n";
}

// A multiword token line.
inline std::string mwt(const std::string& range, const std::string& form) {
  return range + "\t" + form + "\t_\t_\t_\t_\t_\t_\t_\t_\n";
}

inline std::vector<Sentence> parse(const std::string& conllu, const std::string& name) {
  Result<std::vector<Sentence>> r = parse_conllu(conllu, name);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? *r : std::vector<Sentence>{};
}

inline EvalReport evaluate_ok(const std::string& gold, const std::string& system) {
  Result<EvalReport> r = evaluate(parse(gold, "gold"), parse(system, "system"));
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? *r : EvalReport{};
}

// Expects the counts of one metric.
inline void expect_counts(const EvalReport& r, Metric m, std::size_t correct, std::size_t gold,
                          std::size_t system, std::size_t aligned) {
  const Score& s = r[m];
  EXPECT_EQ(s.correct, correct) << metric_name(m) << " correct";
  EXPECT_EQ(s.gold, gold) << metric_name(m) << " gold";
  EXPECT_EQ(s.system, system) << metric_name(m) << " system";
  EXPECT_EQ(s.aligned, aligned) << metric_name(m) << " aligned";
}

// The table line of one metric, e.g. "UPOS       |     80.00 |     80.00 |     80.00 |     80.00".
inline std::string table_line(const EvalReport& r, Metric m) {
  const std::string table = format_table(r);
  const std::string name(metric_name(m));
  std::size_t at = 0;
  while ((at = table.find(name, at)) != std::string::npos) {
    if ((at == 0 || table[at - 1] == '\n') && table[at + name.size()] == ' ')
      return table.substr(at, table.find('\n', at) - at);
    at += name.size();
  }
  return {};
}

}  // namespace textgraph::testing
