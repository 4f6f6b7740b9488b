// Shared helpers for the tokenizer tests: tokenize and render the result as
// one string, so a case reads as input -> expected tokens.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "textgraph/tokenizer.h"

namespace textgraph::testing {

inline Tokenized must_tokenize(std::string_view text, const TokenizerOptions& options = {}) {
  Result<Tokenized> r = tokenize(text, options);
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? std::move(r).value() : Tokenized{};
}

// Surface tokens separated by spaces, sentences by " | ". A multiword token
// shows as its form.
inline std::string tokens(std::string_view text, const TokenizerOptions& options = {}) {
  const Tokenized t = must_tokenize(text, options);
  std::string out;
  for (const Sentence& s : t.document.sentences) {
    if (!out.empty()) out += " | ";
    std::size_t m = 0;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      if (i) out += ' ';
      const int id = static_cast<int>(i) + 1;
      if (m < s.multiword_tokens.size() && s.multiword_tokens[m].first == id) {
        out += s.multiword_tokens[m].form;
        i = static_cast<std::size_t>(s.multiword_tokens[m].last) - 1;
        ++m;
      } else {
        out += s.words[i].form;
      }
    }
  }
  return out;
}

// Syntactic words separated by spaces; a multiword token shows as
// "form=word+word".
inline std::string words(std::string_view text, const TokenizerOptions& options = {}) {
  const Tokenized t = must_tokenize(text, options);
  std::string out;
  for (const Sentence& s : t.document.sentences) {
    if (!out.empty()) out += " | ";
    std::size_t m = 0;
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      if (i) out += ' ';
      const int id = static_cast<int>(i) + 1;
      if (m < s.multiword_tokens.size() && s.multiword_tokens[m].first == id) {
        const MultiwordToken& mwt = s.multiword_tokens[m++];
        out += mwt.form + "=";
        for (int k = mwt.first; k <= mwt.last; ++k) {
          if (k > mwt.first) out += '+';
          out += s.words[static_cast<std::size_t>(k) - 1].form;
        }
        i = static_cast<std::size_t>(mwt.last) - 1;
      } else {
        out += s.words[i].form;
      }
    }
  }
  return out;
}

}  // namespace textgraph::testing
