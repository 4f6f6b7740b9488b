#include "parser/kernels.h"

namespace textgraph::parser::kernels {

void check_extent(const float* p, std::size_t n) {
  if (n == 0) return;
  // volatile: the reads are the point, so they must not be optimized away.
  [[maybe_unused]] volatile float first = p[0];
  [[maybe_unused]] volatile float last = p[n - 1];
}

}  // namespace textgraph::parser::kernels
