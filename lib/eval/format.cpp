#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>

#include "textgraph/eval.h"

namespace textgraph {

namespace {

// printf's "%.2f" and Python's "{:.2f}" both round the exact binary value
// half to even, so the figures agree with the shared task's to the digit.
std::string printf_string(const char* format, auto... values) {
  char buffer[64];
  const int n = std::snprintf(buffer, sizeof buffer, format, values...);
  return std::string(buffer, n < 0 ? 0 : std::min<std::size_t>(sizeof buffer - 1, std::size_t(n)));
}

std::string padded_name(Metric m) {
  return printf_string("%-11s", std::string(metric_name(m)).c_str());
}

}  // namespace

std::string format_table(const EvalReport& report) {
  std::string out =
      "Metric     | Precision |    Recall |  F1 Score | AligndAcc\n"
      "-----------+-----------+-----------+-----------+-----------\n";
  for (std::size_t i = 0; i < kMetricCount; ++i) {
    const auto m = static_cast<Metric>(i);
    const Score& s = report[m];
    out += padded_name(m);
    out += printf_string("|%10.2f |%10.2f |%10.2f |", 100 * s.precision(), 100 * s.recall(),
                         100 * s.f1());
    if (s.has_aligned) out += printf_string("%10.2f", 100 * s.aligned_accuracy());
    out += '\n';
  }
  return out;
}

std::string format_counts(const EvalReport& report) {
  std::string out =
      "Metric     | Correct   |      Gold | Predicted | Aligned\n"
      "-----------+-----------+-----------+-----------+-----------\n";
  for (std::size_t i = 0; i < kMetricCount; ++i) {
    const auto m = static_cast<Metric>(i);
    const Score& s = report[m];
    out += padded_name(m);
    out += printf_string("|%10zu |%10zu |%10zu |", s.correct, s.gold, s.system);
    // The shared task prints the aligned count only when it is not zero,
    // and for Words the correct count (which is the aligned count).
    if (m == Metric::kWords)
      out += printf_string("%10zu", s.correct);
    else if (s.has_aligned && s.aligned > 0)
      out += printf_string("%10zu", s.aligned);
    else
      out += std::string(10, ' ');
    out += '\n';
  }
  return out;
}

std::string format_json(const EvalReport& report) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  for (std::size_t i = 0; i < kMetricCount; ++i) {
    const auto m = static_cast<Metric>(i);
    const Score& s = report[m];
    const std::string name(metric_name(m));
    w.Key(name.c_str());
    w.StartObject();
    w.Key("precision");
    w.Double(100 * s.precision());
    w.Key("recall");
    w.Double(100 * s.recall());
    w.Key("f1");
    w.Double(100 * s.f1());
    w.Key("aligned_accuracy");
    if (s.has_aligned)
      w.Double(100 * s.aligned_accuracy());
    else
      w.Null();
    w.Key("correct");
    w.Uint64(static_cast<std::uint64_t>(s.correct));
    w.Key("gold");
    w.Uint64(static_cast<std::uint64_t>(s.gold));
    w.Key("system");
    w.Uint64(static_cast<std::uint64_t>(s.system));
    w.Key("aligned");
    if (s.has_aligned)
      w.Uint64(static_cast<std::uint64_t>(s.aligned));
    else
      w.Null();
    w.EndObject();
  }
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace textgraph
