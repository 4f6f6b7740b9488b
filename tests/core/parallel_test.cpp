#include "core/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace textgraph {
namespace {

// Items 0..count-1, one per call.
struct Counter {
  int count;
  int next = 0;
  std::optional<int> operator()() {
    if (next == count) return std::nullopt;
    return next++;
  }
};

// A pause that differs from item to item, so that with several threads later
// items often finish before earlier ones.
void uneven_pause(int i) {
  std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 13 * 50));
}

std::vector<std::string> run(std::size_t threads, int count, std::size_t window = 0) {
  std::vector<std::string> out;
  ordered_parallel_map(
      threads, Counter{count},
      [](int i) {
        uneven_pause(i);
        return "item " + std::to_string(i) + " squared " + std::to_string(i * i);
      },
      [&out](std::string s) { out.push_back(std::move(s)); }, window);
  return out;
}

TEST(Parallel, KeepsInputOrder) {
  for (std::size_t threads : {2u, 3u, 8u}) {
    const std::vector<std::string> out = run(threads, 300);
    ASSERT_EQ(out.size(), 300u);
    for (int i = 0; i < 300; ++i)
      EXPECT_EQ(out[static_cast<std::size_t>(i)],
                "item " + std::to_string(i) + " squared " + std::to_string(i * i));
  }
}

TEST(Parallel, SameOutputForAnyThreadCountAndWindow) {
  const std::vector<std::string> one = run(1, 200);
  EXPECT_EQ(run(2, 200), one);
  EXPECT_EQ(run(4, 200, 1), one);  // a window of one item: no overlap at all
  EXPECT_EQ(run(4, 200, 3), one);
  EXPECT_EQ(run(7, 200, 100), one);
}

TEST(Parallel, OneThreadRunsInlineInStrictTurns) {
  std::vector<std::string> log;
  const std::thread::id caller = std::this_thread::get_id();
  int next = 0;
  ordered_parallel_map(
      1,
      [&]() -> std::optional<int> {
        log.push_back("read");
        if (next == 3) return std::nullopt;
        return next++;
      },
      [&](int i) {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        log.push_back("work " + std::to_string(i));
        return i;
      },
      [&](int i) { log.push_back("sink " + std::to_string(i)); });
  EXPECT_EQ(log, (std::vector<std::string>{"read", "work 0", "sink 0", "read", "work 1", "sink 1",
                                           "read", "work 2", "sink 2", "read"}));
}

TEST(Parallel, MoreThreadsThanItems) {
  EXPECT_EQ(run(16, 3), run(1, 3));
  EXPECT_TRUE(run(16, 0).empty());
  EXPECT_TRUE(run(1, 0).empty());
}

TEST(Parallel, SinkRunsOnTheCallingThread) {
  const std::thread::id caller = std::this_thread::get_id();
  std::atomic<int> off_thread_work{0};
  int sunk = 0;
  ordered_parallel_map(
      4, Counter{50},
      [&](int i) {
        if (std::this_thread::get_id() != caller) ++off_thread_work;
        return i;
      },
      [&](int) {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        ++sunk;
      });
  EXPECT_EQ(sunk, 50);
  EXPECT_EQ(off_thread_work.load(), 50);  // with threads > 1 the work is on the workers
}

TEST(Parallel, InFlightItemsStayWithinTheWindow) {
  for (std::size_t window : {1u, 2u, 5u}) {
    std::atomic<int> read{0}, sunk{0}, most{0};
    Counter counter{200};
    ordered_parallel_map(
        4,
        [&]() {
          std::optional<int> item = counter();
          if (item) {
            const int in_flight = ++read - sunk.load();
            if (in_flight > most) most = in_flight;
          }
          return item;
        },
        [](int i) {
          uneven_pause(i);
          return i;
        },
        [&](int) { ++sunk; }, window);
    EXPECT_EQ(sunk.load(), 200);
    EXPECT_LE(most.load(), static_cast<int>(window)) << "window " << window;
    EXPECT_GE(most.load(), 1);
  }
}

TEST(Parallel, FirstFailureInInputOrderWins) {
  // Item 40 fails slowly, item 45 fails at once: whatever the timing, the
  // caller sees item 40's exception and exactly items 0..39.
  for (std::size_t threads : {1u, 2u, 4u, 8u}) {
    for (int round = 0; round < 5; ++round) {
      std::vector<int> sunk;
      try {
        ordered_parallel_map(
            threads, Counter{100},
            [](int i) {
              if (i == 40) {
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
                throw std::runtime_error("item 40 failed");
              }
              if (i == 45) throw std::runtime_error("item 45 failed");
              return i;
            },
            [&](int i) { sunk.push_back(i); });
        ADD_FAILURE() << "no exception with " << threads << " threads";
      } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "item 40 failed") << threads << " threads";
      }
      ASSERT_EQ(sunk.size(), 40u) << threads << " threads";
      for (int i = 0; i < 40; ++i) EXPECT_EQ(sunk[static_cast<std::size_t>(i)], i);
    }
  }
}

TEST(Parallel, SourceFailureComesAfterEveryEarlierItem) {
  for (std::size_t threads : {1u, 3u}) {
    int next = 0;
    std::vector<int> sunk;
    EXPECT_THROW(ordered_parallel_map(
                     threads,
                     [&]() -> std::optional<int> {
                       if (next == 25) throw std::invalid_argument("bad input at item 25");
                       return next++;
                     },
                     [](int i) {
                       uneven_pause(i);
                       return i;
                     },
                     [&](int i) { sunk.push_back(i); }),
                 std::invalid_argument);
    ASSERT_EQ(sunk.size(), 25u);
    for (int i = 0; i < 25; ++i) EXPECT_EQ(sunk[static_cast<std::size_t>(i)], i);
  }
}

TEST(Parallel, WorkFailureBeforeASourceFailureWins) {
  int next = 0;
  std::vector<int> sunk;
  try {
    ordered_parallel_map(
        3,
        [&]() -> std::optional<int> {
          if (next == 30) throw std::invalid_argument("source");
          return next++;
        },
        [](int i) {
          if (i == 10) throw std::runtime_error("work");
          return i;
        },
        [&](int i) { sunk.push_back(i); });
    ADD_FAILURE() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "work");
  }
  EXPECT_EQ(sunk.size(), 10u);
}

TEST(Parallel, SinkFailureStopsEverything) {
  int sunk = 0;
  EXPECT_THROW(ordered_parallel_map(
                   4, Counter{1000}, [](int i) { return i; },
                   [&](int i) {
                     if (i == 7) throw std::logic_error("sink");
                     ++sunk;
                   }),
               std::logic_error);
  EXPECT_EQ(sunk, 7);
}

TEST(Parallel, MoveOnlyItemsAndResults) {
  std::vector<int> out;
  int next = 0;
  ordered_parallel_map(
      3,
      [&]() -> std::optional<std::unique_ptr<int>> {
        if (next == 20) return std::nullopt;
        return std::make_unique<int>(next++);
      },
      [](std::unique_ptr<int> p) { return std::make_unique<int>(*p * 10); },
      [&](std::unique_ptr<int> p) { out.push_back(*p); });
  ASSERT_EQ(out.size(), 20u);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(out[static_cast<std::size_t>(i)], i * 10);
}

}  // namespace
}  // namespace textgraph
