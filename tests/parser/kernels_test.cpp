// The parser's numeric kernels against plain reference loops.
#include "parser/kernels.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace textgraph::parser {
namespace {

std::vector<float> random_vector(std::size_t n, std::mt19937& rng) {
  std::uniform_real_distribution<float> u(-1, 1);
  std::vector<float> v(n);
  for (float& x : v) x = u(rng);
  return v;
}

TEST(Kernels, GemmVariantsMatchReferenceLoops) {
  std::mt19937 rng(1);
  for (auto [m, k, n] : {std::tuple{1, 5, 7}, {4, 3, 32}, {7, 9, 70}, {13, 16, 256}, {2, 1, 33}}) {
    const auto a = random_vector(m * k, rng), b = random_vector(k * n, rng);
    auto c = random_vector(m * n, rng);
    auto ref = c;
    for (int i = 0; i < m; ++i)
      for (int j = 0; j < n; ++j)
        for (int p = 0; p < k; ++p) ref[i * n + j] += a[i * k + p] * b[p * n + j];
    kernels::gemm_nn(a.data(), b.data(), c.data(), m, k, n);
    for (int i = 0; i < m * n; ++i) EXPECT_NEAR(c[i], ref[i], 1e-4) << m << "x" << k << "x" << n;

    // gemm_tn: (k x n) += A^T (A: m x k) * D (m x n)
    const auto d = random_vector(m * n, rng);
    std::vector<float> tn(k * n, 0.0f), tn_ref(k * n, 0.0f);
    for (int p = 0; p < k; ++p)
      for (int j = 0; j < n; ++j)
        for (int i = 0; i < m; ++i) tn_ref[p * n + j] += a[i * k + p] * d[i * n + j];
    kernels::gemm_tn(a.data(), d.data(), tn.data(), m, k, n);
    for (int i = 0; i < k * n; ++i) EXPECT_NEAR(tn[i], tn_ref[i], 1e-4);

    // gemm_nt: (m x k) += D (m x n) * B^T (B: k x n)
    std::vector<float> nt(m * k, 0.0f), nt_ref(m * k, 0.0f);
    for (int i = 0; i < m; ++i)
      for (int p = 0; p < k; ++p)
        for (int j = 0; j < n; ++j) nt_ref[i * k + p] += d[i * n + j] * b[p * n + j];
    kernels::gemm_nt(d.data(), b.data(), nt.data(), m, k, n);
    for (int i = 0; i < m * k; ++i) EXPECT_NEAR(nt[i], nt_ref[i], 1e-4);
  }
}

// sparse_gemv and add_rows keep their sums in registers but add the rows in
// the order of the plain loops (one axpy per row), so their floats must be
// exactly those of the axpy sequence: the parser's output is unchanged.
TEST(Kernels, SparseGemvEqualsOneAxpyPerNonzeroRow) {
  std::mt19937 rng(2);
  for (auto [k, n] :
       {std::tuple{1, 32}, {7, 64}, {200, 104}, {200, 128}, {300, 120}, {513, 56}, {9, 13}}) {
    auto x = random_vector(k, rng);
    for (int p = 0; p < k; p += 2) x[p] = 0.0f;  // ReLU zeros, interleaved
    if (k > 5) x[k - 1] = 0.0f;
    const auto b = random_vector(k * n, rng);
    auto c = random_vector(n, rng);
    auto ref = c;
    for (int p = 0; p < k; ++p)
      if (x[p] != 0.0f) kernels::axpy(x[p], b.data() + p * n, ref.data(), n);
    kernels::sparse_gemv(x.data(), b.data(), c.data(), k, n);
    for (int j = 0; j < n; ++j) EXPECT_EQ(c[j], ref[j]) << k << "x" << n << " column " << j;
  }
  // All zeros: c is untouched.
  std::vector<float> x(40, 0.0f), b(40 * 32, 1.0f), c(32, 0.5f);
  kernels::sparse_gemv(x.data(), b.data(), c.data(), 40, 32);
  for (float v : c) EXPECT_EQ(v, 0.5f);
}

TEST(Kernels, AddRowsEqualsOneAxpyPerRow) {
  std::mt19937 rng(3);
  for (auto [count, n] : {std::tuple{0, 64}, {1, 1}, {6, 256}, {12, 200}, {3, 71}, {5, 8}}) {
    std::vector<std::vector<float>> rows;
    std::vector<const float*> pointers;
    for (int r = 0; r < count; ++r) rows.push_back(random_vector(n, rng));
    for (const auto& r : rows) pointers.push_back(r.data());
    auto y = random_vector(n, rng);
    auto ref = y;
    for (const auto& r : rows) kernels::axpy(1.0f, r.data(), ref.data(), n);
    kernels::add_rows(pointers.data(), pointers.size(), y.data(), n);
    for (int j = 0; j < n; ++j) EXPECT_EQ(y[j], ref[j]) << count << " rows of " << n;
  }
}

TEST(Kernels, TanhAndSigmoidAreAccurate) {
  std::vector<float> xs;
  for (float x = -20; x <= 20; x += 0.01f) xs.push_back(x);
  std::vector<float> t = xs, s = xs;
  kernels::tanh_inplace(t.data(), t.size());
  kernels::sigmoid_inplace(s.data(), s.size());
  for (std::size_t i = 0; i < xs.size(); ++i) {
    EXPECT_NEAR(t[i], std::tanh(xs[i]), 2e-6) << xs[i];
    EXPECT_NEAR(s[i], 1 / (1 + std::exp(-xs[i])), 2e-6) << xs[i];
  }
}

// Sanitized builds compile the kernels uninstrumented and check operand
// extents at entry instead (lib/parser/CMakeLists.txt): an operand shorter
// than its stated shape must still be reported.
TEST(Kernels, SanitizedBuildsReportAShortOperand) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  auto run = [] {
    std::vector<float> a(3 * 4), b(4 * 32 - 1), c(3 * 32);
    kernels::gemm_nn(a.data(), b.data(), c.data(), 3, 4, 32);
  };
  EXPECT_DEATH(run(), "heap-buffer-overflow");
#else
  GTEST_SKIP() << "only meaningful under AddressSanitizer";
#endif
}

}  // namespace
}  // namespace textgraph::parser
