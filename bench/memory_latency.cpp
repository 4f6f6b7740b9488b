// Calibration for the graph benchmark: how long one cache-missing memory
// read takes on this machine right now. Building a graph is a chain of such
// reads (hash slot → string → node → edge), so this number bounds what any
// hash-based graph builder can do here.
//
// usage: memory_latency [MiB]   (default 64: far larger than the caches)
// Follows a random cycle through the array, so each read depends on the one
// before and none can be overlapped; prints nanoseconds per read, median of 5.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
  const std::size_t mib = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 64;
  const std::size_t n = mib * 1024 * 1024 / sizeof(std::uint32_t);
  std::vector<std::uint32_t> order(n), next(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
  std::uint64_t s = 88172645463325252ULL;
  for (std::size_t i = n - 1; i > 0; --i) {  // Fisher-Yates with xorshift
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    std::swap(order[i], order[s % (i + 1)]);
  }
  for (std::size_t i = 0; i < n; ++i) next[order[i]] = order[(i + 1) % n];  // one cycle
  std::vector<double> ns;
  std::uint32_t p = 0;
  const int reads = 5000000;
  for (int run = 0; run < 5; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int k = 0; k < reads; ++k) p = next[p];
    ns.push_back(
        std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() /
        reads);
  }
  std::sort(ns.begin(), ns.end());
  std::printf("%.0f ns per dependent read over %zu MiB (median of 5; %u)\n", ns[2], mib, p);
  return 0;
}
