// Clocks and the median every benchmark reports. Header-only; benchmarks
// are programs, not part of the library.
//
// CPU clocks are what the figures in bench/README.md quote: the machine is
// shared, so wall time measures the neighbours as much as the code.
#pragma once

#include <time.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace textgraph::bench {

// CPU seconds used by the whole process (all threads) so far.
inline double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// CPU seconds used by the calling thread so far.
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// A monotonic wall clock, in seconds from an arbitrary origin.
inline double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// The median; of an even count, the mean of the two middle values. v must
// not be empty.
inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace textgraph::bench
