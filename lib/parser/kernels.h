// Internal: the few dense linear-algebra loops the parser network needs.
// Row-major matrices; every "+=" accumulates into its output. The loops are
// compiled for several x86-64 levels and picked at run time (see .cpp), so a
// build runs on any x86-64 CPU and uses AVX2/AVX-512 where present.
// Results are deterministic for a given CPU and build: no threads, fixed
// summation order.
#pragma once

#include <cstddef>

namespace textgraph::parser::kernels {

// y[0..n) += a * x[0..n)
void axpy(float a, const float* x, float* y, std::size_t n);
// sum of x[i] * y[i]
float dot(const float* x, const float* y, std::size_t n);
// C (m x n) += A (m x k) * B (k x n)
void gemm_nn(const float* a, const float* b, float* c, std::size_t m, std::size_t k, std::size_t n);
// C (k x n) += A^T * D, where A is m x k and D is m x n  (weight gradients)
void gemm_tn(const float* a, const float* d, float* c, std::size_t m, std::size_t k, std::size_t n);
// C (m x k) += D * B^T, where D is m x n and B is k x n  (input gradients)
void gemm_nt(const float* d, const float* b, float* c, std::size_t m, std::size_t k, std::size_t n);

// c (1 x n) += x (1 x k) * B (k x n), skipping the zeros of x (ReLU
// outputs are mostly zero); fastest when n is a multiple of 8. Adds the
// rows of B in order of p, so it gives the same floats as one axpy per
// nonzero x[p].
void sparse_gemv(const float* x, const float* b, float* c, std::size_t k, std::size_t n);

// y[0..n) += rows[0][0..n) + rows[1][0..n) + ... + rows[count - 1][0..n),
// added in that order: the same floats as one axpy(1, rows[r], y, n) per
// row, without storing y between rows.
void add_rows(const float* const* rows, std::size_t count, float* y, std::size_t n);

// x = tanh(x) and x = 1 / (1 + exp(-x)), elementwise, to within ~1e-6.
void tanh_inplace(float* x, std::size_t n);
void sigmoid_inplace(float* x, std::size_t n);

// Reads p[0] and p[n - 1] (nothing when n is 0). Sanitized builds call it
// on every kernel operand, from a file that is instrumented
// (kernel_extents.cpp), because the kernels themselves are not.
void check_extent(const float* p, std::size_t n);

}  // namespace textgraph::parser::kernels
