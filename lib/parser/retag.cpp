#include "parser/retag.h"

#include <cmath>

#include "parser/kernels.h"

namespace textgraph::parser {
namespace {

// The head's scores (logits) for the encodings of words 1..n, n x tags.
// Log-probabilities would subtract a per-word constant from every tag of a
// head, which changes no choice among pairs: the logits are enough.
void head_scores(const Tensor& w, const Tensor& b, const float* encodings, std::size_t n,
                 std::vector<float>& out) {
  const std::size_t tags = static_cast<std::size_t>(w.cols);
  out.resize(n * tags);
  for (std::size_t i = 0; i < n; ++i)
    std::copy(b.data.begin(), b.data.end(), out.begin() + static_cast<std::ptrdiff_t>(i * tags));
  kernels::gemm_nn(encodings, w.data.data(), out.data(), n, static_cast<std::size_t>(w.rows), tags);
}

}  // namespace

std::size_t retag(const Network& net, const std::vector<float>& encodings,
                  const std::vector<TokenIds>& ids, const Retagging& retag, Word* words) {
  const std::size_t width = static_cast<std::size_t>(net.config.encoding_dim());
  const std::size_t pairs = retag.pairs.size();
  const std::size_t n = ids.size() - 1;
  if (n == 0 || pairs == 0) return 0;
  // One product per head for the whole sentence (row 0 of the encodings is
  // the root).
  thread_local std::vector<float> su, sx;
  head_scores(net.aux_upos_w, net.aux_upos_b, encodings.data() + width, n, su);
  head_scores(net.aux_xpos_w, net.aux_xpos_b, encodings.data() + width, n, sx);
  const std::size_t nu = static_cast<std::size_t>(net.aux_upos_w.cols);
  const std::size_t nx = static_cast<std::size_t>(net.aux_xpos_w.cols);
  std::size_t changed = 0;
  for (std::size_t t = 1; t <= n; ++t) {
    Word& w = words[t - 1];
    // The word's current pair must be a candidate: tags from elsewhere
    // (given by the user, or unknown to the model) are kept as they are.
    // `ids` hold the model's ids of the word's tags, so equal ids are equal tags.
    std::size_t current = pairs;
    for (std::size_t p = 0; p < pairs && current == pairs; ++p)
      if (retag.upos_ids[p] == ids[t].upos && retag.xpos_ids[p] == ids[t].xpos) current = p;
    if (current == pairs) continue;
    const float* lu = su.data() + (t - 1) * nu;
    const float* lx = sx.data() + (t - 1) * nx;
    std::size_t best = current;
    float best_score = -INFINITY;
    for (std::size_t p = 0; p < pairs; ++p) {
      const int u = retag.upos_ids[p];
      float s = lu[u] + lx[retag.xpos_ids[p]];
      if (p == current) s += retag.keep_pair;
      if (u == ids[t].upos) s += retag.keep_upos;
      if (s > best_score) {
        best_score = s;
        best = p;
      }
    }
    if (best == current) continue;
    w.upos = retag.pairs[best].upos;
    w.xpos = retag.pairs[best].xpos;
    ++changed;
  }
  return changed;
}

}  // namespace textgraph::parser
