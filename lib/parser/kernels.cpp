#include "parser/kernels.h"

// Function multi-versioning: the compiler emits one copy per listed target
// and the loader picks the best one for the CPU; elsewhere plain C++ is used.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__)
#define TG_KERNEL __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define TG_KERNEL
#endif

namespace textgraph::parser::kernels {

TG_KERNEL void axpy(float a, const float* x, float* y, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] += a * x[i];
}

TG_KERNEL float dot(const float* x, const float* y, std::size_t n) {
  // Sixteen independent partial sums: vectorizes without reassociating.
  float acc[16] = {};
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16)
    for (std::size_t j = 0; j < 16; ++j) acc[j] += x[i + j] * y[i + j];
  float tail = 0;
  for (; i < n; ++i) tail += x[i] * y[i];
  float s = 0;
  for (float v : acc) s += v;
  return s + tail;
}

TG_KERNEL void gemm_nn(const float* a, const float* b, float* c, std::size_t m, std::size_t k,
                       std::size_t n) {
  // Four rows of C at a time, so each row of B is loaded once per four.
  std::size_t i = 0;
  for (; i + 4 <= m; i += 4) {
    float* c0 = c + i * n;
    float* c1 = c0 + n;
    float* c2 = c1 + n;
    float* c3 = c2 + n;
    const float* a0 = a + i * k;
    for (std::size_t p = 0; p < k; ++p) {
      const float* bp = b + p * n;
      const float x0 = a0[p], x1 = a0[k + p], x2 = a0[2 * k + p], x3 = a0[3 * k + p];
      for (std::size_t j = 0; j < n; ++j) {
        const float v = bp[j];
        c0[j] += x0 * v;
        c1[j] += x1 * v;
        c2[j] += x2 * v;
        c3[j] += x3 * v;
      }
    }
  }
  for (; i < m; ++i) {
    float* ci = c + i * n;
    const float* ai = a + i * k;
    for (std::size_t p = 0; p < k; ++p) {
      const float x = ai[p];
      const float* bp = b + p * n;
      for (std::size_t j = 0; j < n; ++j) ci[j] += x * bp[j];
    }
  }
}

TG_KERNEL void gemm_tn(const float* a, const float* d, float* c, std::size_t m, std::size_t k,
                       std::size_t n) {
  for (std::size_t i = 0; i < m; ++i) {
    const float* ai = a + i * k;
    const float* di = d + i * n;
    for (std::size_t p = 0; p < k; ++p) {
      const float x = ai[p];
      if (x == 0) continue;
      float* cp = c + p * n;
      for (std::size_t j = 0; j < n; ++j) cp[j] += x * di[j];
    }
  }
}

void gemm_nt(const float* d, const float* b, float* c, std::size_t m, std::size_t k,
             std::size_t n) {
  for (std::size_t i = 0; i < m; ++i) {
    const float* di = d + i * n;
    float* ci = c + i * k;
    for (std::size_t p = 0; p < k; ++p) ci[p] += dot(di, b + p * n, n);
  }
}

}  // namespace textgraph::parser::kernels
