#include "textgraph/status.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace textgraph {
namespace {

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.to_string(), "ok");
}

TEST(Status, FormatsLocationParts) {
  EXPECT_EQ(Status::error(ErrorCode::kInvalidInput, "bad", {"a.tsv", 3, 7}).to_string(),
            "a.tsv:3:7: bad");
  EXPECT_EQ(Status::error(ErrorCode::kInvalidInput, "bad", {"a.tsv", 3}).to_string(),
            "a.tsv:3: bad");
  EXPECT_EQ(Status::error(ErrorCode::kIo, "gone", {"a.tsv"}).to_string(), "a.tsv: gone");
  EXPECT_EQ(Status::error(ErrorCode::kIo, "gone").to_string(), "gone");
  EXPECT_EQ(Status::error(ErrorCode::kIo, "gone", {"", 4, 2}).to_string(),
            "line 4, column 2: gone");
}

TEST(Result, HoldsValueOrError) {
  Result<int> good(5);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 5);
  EXPECT_TRUE(good.status().ok());
  Result<int> bad(Status::error(ErrorCode::kUsage, "no"));
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kUsage);
}

TEST(Result, OkStatusBecomesInternalError) {
  Result<int> r{Status()};
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInternal);
}

TEST(Guard, ConvertsExceptions) {
  Status s = guard([] { fail_input("broken", {"f", 2}); });
  EXPECT_EQ(s.code(), ErrorCode::kInvalidInput);
  EXPECT_EQ(s.to_string(), "f:2: broken");
  Result<int> r = guard_result<int>([]() -> int { throw std::runtime_error("boom"); });
  EXPECT_EQ(r.status().code(), ErrorCode::kInternal);
  Result<int> v = guard_result<int>([] { return 3; });
  EXPECT_EQ(*v, 3);
}

}  // namespace
}  // namespace textgraph
