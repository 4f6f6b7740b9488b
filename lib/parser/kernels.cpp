#include "parser/kernels.h"

#include <cstring>

// Function multi-versioning: the compiler emits one copy per listed target
// and the loader picks the best one for the CPU; elsewhere plain C++ is used.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__)
#define TG_KERNEL __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define TG_KERNEL
#endif

// Sanitized builds compile this file uninstrumented (see CMakeLists.txt):
// instead, each operand's first and last element is read through
// check_extent, which is instrumented, so an operand that runs past its
// buffer is still reported.
#if defined(TEXTGRAPH_KERNEL_EXTENT_CHECKS)
#define TG_EXTENT(p, n) check_extent((p), (n))
#else
#define TG_EXTENT(p, n) static_cast<void>(0)
#endif

namespace textgraph::parser::kernels {

TG_KERNEL void axpy(float a, const float* x, float* y, std::size_t n) {
  TG_EXTENT(x, n);
  TG_EXTENT(y, n);
  for (std::size_t i = 0; i < n; ++i) y[i] += a * x[i];
}

TG_KERNEL float dot(const float* x, const float* y, std::size_t n) {
  TG_EXTENT(x, n);
  TG_EXTENT(y, n);
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

namespace {

// C rows [i, i + R) x columns [j, j + W): accumulators stay in registers
// while p runs over k, so each element of B is loaded once per R rows.
template <int R, int W>
__attribute__((always_inline)) inline void block_nn(const float* a, const float* b, float* c,
                                                    std::size_t i, std::size_t j, std::size_t k,
                                                    std::size_t n) {
  float acc[R][W];
  for (int r = 0; r < R; ++r)
    for (int q = 0; q < W; ++q) acc[r][q] = c[(i + r) * n + j + q];
  for (std::size_t p = 0; p < k; ++p) {
    const float* bp = b + p * n + j;
    for (int r = 0; r < R; ++r) {
      const float x = a[(i + r) * k + p];
      for (int q = 0; q < W; ++q) acc[r][q] += x * bp[q];
    }
  }
  for (int r = 0; r < R; ++r)
    for (int q = 0; q < W; ++q) c[(i + r) * n + j + q] = acc[r][q];
}

// One row of C, columns [j, j + W): a vector-matrix product, where wide
// blocks give the multiply-adds enough independent chains to fill the units.
template <int W>
__attribute__((always_inline)) inline void row_nn(const float* a, const float* b, float* c,
                                                  std::size_t j, std::size_t k, std::size_t n) {
  float acc[W];
  for (int q = 0; q < W; ++q) acc[q] = c[j + q];
  for (std::size_t p = 0; p < k; ++p) {
    const float x = a[p];
    const float* bp = b + p * n + j;
    for (int q = 0; q < W; ++q) acc[q] += x * bp[q];
  }
  for (int q = 0; q < W; ++q) c[j + q] = acc[q];
}

}  // namespace

TG_KERNEL void gemm_nn(const float* a, const float* b, float* c, std::size_t m, std::size_t k,
                       std::size_t n) {
  TG_EXTENT(a, m * k);
  TG_EXTENT(b, k * n);
  TG_EXTENT(c, m * n);
  const std::size_t n32 = n - n % 32;
  // Every element of C is c + a[i][0] * b[0][j] + a[i][1] * b[1][j] + ...
  // in that order whatever the blocking, so the blocking below changes
  // speed only, never the floats. With 32 vector registers of 16 floats
  // (AVX-512), blocks twice as wide keep twice as many independent sums in
  // flight; with 16 registers they would spill.
#if defined(__x86_64__) && defined(__GNUC__)
  static const bool wide = __builtin_cpu_supports("avx512f");
#else
  constexpr bool wide = false;
#endif
  // Column panels outside, row blocks inside: one panel of B (k x 32 or 64
  // floats, 32 KB for k = 256 and 32 columns) stays in L1 while every row
  // block uses it, instead of B streaming from L2 once per row block.
  const std::size_t m4 = m - m % 4;
  std::size_t j0 = 0;
  if (wide) {
    for (; j0 + 64 <= n32; j0 += 64)
      for (std::size_t i = 0; i < m4; i += 4) block_nn<4, 64>(a, b, c, i, j0, k, n);
  }
  for (std::size_t j = j0; j < n32; j += 32)
    for (std::size_t i = 0; i < m4; i += 4) block_nn<4, 32>(a, b, c, i, j, k, n);
  std::size_t i = m4;
  for (; i < m; ++i) {
    std::size_t j = 0;
    if (wide)
      for (; j + 256 <= n32; j += 256) row_nn<256>(a + i * k, b, c + i * n, j, k, n);
    for (; j + 128 <= n32; j += 128) row_nn<128>(a + i * k, b, c + i * n, j, k, n);
    for (; j < n32; j += 32) row_nn<32>(a + i * k, b, c + i * n, j, k, n);
  }
  if (n32 == n) return;
  for (std::size_t r = 0; r < m; ++r) {
    float* cr = c + r * n;
    const float* ar = a + r * k;
    for (std::size_t p = 0; p < k; ++p) {
      const float x = ar[p];
      const float* bp = b + p * n;
      for (std::size_t j = n32; j < n; ++j) cr[j] += x * bp[j];
    }
  }
}

namespace {

// Eight floats as one value (GCC/Clang vector extension): one AVX2 or
// AVX-512VL register, two SSE ones, whatever the clone's target. Written out
// as vectors because with plain arrays GCC -O3 turned the loops below into
// a scalar loop over the columns; 64-byte vectors compile well only for
// AVX-512 (on AVX2 GCC moved them through memory).
typedef float Vec8 __attribute__((vector_size(32)));

// Unaligned loads and stores of 8 floats (memcpy compiles to one move per
// register). Macros, not functions: a function passing a vector by value
// has a target-dependent ABI, which GCC warns about.
#define TG_LOAD8(v, p) std::memcpy(&(v), (p), sizeof(Vec8))
#define TG_STORE8(p, v) std::memcpy((p), &(v), sizeof(Vec8))

// c[0..8V) += the sum of v[r] * rows[r][offset..offset + 8V) for r in
// order, accumulated in registers.
template <int V>
__attribute__((always_inline)) inline void scaled_rows(const float* const* rows, const float* v,
                                                       std::size_t count, std::size_t offset,
                                                       float* c) {
  Vec8 acc[V];
  for (int q = 0; q < V; ++q) TG_LOAD8(acc[q], c + 8 * q);
  for (std::size_t r = 0; r < count; ++r) {
    const float x = v[r];
    const float* row = rows[r] + offset;
    for (int q = 0; q < V; ++q) {
      Vec8 b;
      TG_LOAD8(b, row + 8 * q);
      acc[q] += x * b;
    }
  }
  for (int q = 0; q < V; ++q) TG_STORE8(c + 8 * q, acc[q]);
}

// y[0..8V) += rows[0][offset..) + rows[1][offset..) + ..., in order.
template <int V>
__attribute__((always_inline)) inline void unit_rows(const float* const* rows, std::size_t count,
                                                     std::size_t offset, float* y) {
  Vec8 acc[V];
  for (int q = 0; q < V; ++q) TG_LOAD8(acc[q], y + 8 * q);
  for (std::size_t r = 0; r < count; ++r) {
    const float* row = rows[r] + offset;
    for (int q = 0; q < V; ++q) {
      Vec8 b;
      TG_LOAD8(b, row + 8 * q);
      acc[q] += b;
    }
  }
  for (int q = 0; q < V; ++q) TG_STORE8(y + 8 * q, acc[q]);
}

}  // namespace

TG_KERNEL void sparse_gemv(const float* x, const float* b, float* c, std::size_t k, std::size_t n) {
  TG_EXTENT(x, k);
  TG_EXTENT(b, k * n);
  TG_EXTENT(c, n);
  // The nonzero rows first (ReLU outputs: about half), then each block of 64
  // columns of c is summed in registers over them instead of being loaded
  // and stored once per row. Rows are added in order of p as in the plain
  // loop, so the floats are the same.
  constexpr std::size_t kChunk = 256;
  const float* rows[kChunk];
  float v[kChunk];
  for (std::size_t p0 = 0; p0 < k; p0 += kChunk) {
    std::size_t count = 0;
    const std::size_t p1 = k - p0 < kChunk ? k : p0 + kChunk;
    for (std::size_t p = p0; p < p1; ++p)
      if (x[p] != 0.0f) {
        rows[count] = b + p * n;
        v[count++] = x[p];
      }
    std::size_t j = 0;
    for (; j + 64 <= n; j += 64) scaled_rows<8>(rows, v, count, j, c + j);
    // The last 8 to 56 columns as one block too: one chain of sums per
    // vector, so several chains keep the multiply-add units busy.
    switch ((n - j) / 8) {
      case 7:
        scaled_rows<7>(rows, v, count, j, c + j);
        break;
      case 6:
        scaled_rows<6>(rows, v, count, j, c + j);
        break;
      case 5:
        scaled_rows<5>(rows, v, count, j, c + j);
        break;
      case 4:
        scaled_rows<4>(rows, v, count, j, c + j);
        break;
      case 3:
        scaled_rows<3>(rows, v, count, j, c + j);
        break;
      case 2:
        scaled_rows<2>(rows, v, count, j, c + j);
        break;
      case 1:
        scaled_rows<1>(rows, v, count, j, c + j);
        break;
      default:
        break;
    }
    j = n - n % 8;
    for (; j < n; ++j)
      for (std::size_t r = 0; r < count; ++r) c[j] += v[r] * rows[r][j];
  }
}

TG_KERNEL void add_rows(const float* const* rows, std::size_t count, float* y, std::size_t n) {
  TG_EXTENT(y, n);
  for (std::size_t r = 0; r < count; ++r) TG_EXTENT(rows[r], n);
  std::size_t j = 0;
  for (; j + 64 <= n; j += 64) unit_rows<8>(rows, count, j, y + j);
  for (; j + 8 <= n; j += 8) unit_rows<1>(rows, count, j, y + j);
  for (; j < n; ++j)
    for (std::size_t r = 0; r < count; ++r) y[j] += rows[r][j];
}

TG_KERNEL void tanh_inplace(float* x, std::size_t n) {
  TG_EXTENT(x, n);
  // A rational approximation (odd degree 13 over even degree 6), accurate to
  // a few float ulps on the clamped range; vectorizes, unlike std::tanh.
  for (std::size_t i = 0; i < n; ++i) {
    float v = x[i];
    v = v > 7.90531110763549805f ? 7.90531110763549805f : v;
    v = v < -7.90531110763549805f ? -7.90531110763549805f : v;
    const float v2 = v * v;
    float p = -2.76076847742355e-16f;
    p = p * v2 + 2.00018790482477e-13f;
    p = p * v2 + -8.60467152213735e-11f;
    p = p * v2 + 5.12229709037114e-08f;
    p = p * v2 + 1.48572235717979e-05f;
    p = p * v2 + 6.37261928875436e-04f;
    p = p * v2 + 4.89352455891786e-03f;
    p = p * v;
    float q = 1.19825839466702e-06f;
    q = q * v2 + 1.18534705686654e-04f;
    q = q * v2 + 2.26843463243900e-03f;
    q = q * v2 + 4.89352518554385e-03f;
    x[i] = p / q;
  }
}

TG_KERNEL void sigmoid_inplace(float* x, std::size_t n) {
  TG_EXTENT(x, n);
  for (std::size_t i = 0; i < n; ++i) x[i] *= 0.5f;
  tanh_inplace(x, n);
  for (std::size_t i = 0; i < n; ++i) x[i] = 0.5f * x[i] + 0.5f;
}

TG_KERNEL void gemm_tn(const float* a, const float* d, float* c, std::size_t m, std::size_t k,
                       std::size_t n) {
  TG_EXTENT(a, m * k);
  TG_EXTENT(d, m * n);
  TG_EXTENT(c, k * n);
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
  TG_EXTENT(d, m * n);
  TG_EXTENT(b, k * n);
  TG_EXTENT(c, m * k);
  for (std::size_t i = 0; i < m; ++i) {
    const float* di = d + i * n;
    float* ci = c + i * k;
    for (std::size_t p = 0; p < k; ++p) ci[p] += dot(di, b + p * n, n);
  }
}

}  // namespace textgraph::parser::kernels
