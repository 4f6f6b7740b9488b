#include "textgraph/status.h"

namespace textgraph {

std::string Status::to_string() const {
  if (ok()) return "ok";
  std::string out;
  if (!where_.file.empty()) {
    out += where_.file;
    if (where_.line > 0) {
      out += ':' + std::to_string(where_.line);
      if (where_.column > 0) out += ':' + std::to_string(where_.column);
    }
    out += ": ";
  } else if (where_.line > 0) {
    // Without a file name a bare number would be ambiguous, so say what it is.
    out += "line " + std::to_string(where_.line);
    if (where_.column > 0) out += ", column " + std::to_string(where_.column);
    out += ": ";
  }
  out += message_;
  return out;
}

}  // namespace textgraph
