// Internal: an ordered parallel map over a stream of work items, for `-j N`.
//
// Usage:
//   textgraph::ordered_parallel_map(
//       threads,                                     // 1 (or 0): no thread is started
//       [&]() -> std::optional<Sentence> {           // source: the next item, nullopt at the end
//         Sentence s;
//         if (!read_next(s)) return std::nullopt;
//         return s;
//       },
//       [&](Sentence s) { return analyze(s); },      // work: runs on the worker threads
//       [&](Analysis a) { write(a); });              // sink: input order, calling thread
//
// What it guarantees, so that output bytes never depend on the thread count:
// - sink() receives the results in input order, always on the calling
//   thread; with threads <= 1 the calls are exactly source, work, sink,
//   source, work, sink, ... on the calling thread.
// - source() is never called by two threads at once, and items are numbered
//   in the order it returns them. work() runs concurrently on different
//   items and must be safe to do so.
// - Memory is bounded: at most `window` items are in flight (returned by
//   source() and not yet through sink()); the default is 4 per thread.
// - Failure is deterministic: if work() throws for an item, every earlier
//   item is still passed to sink(), no later one is, and the exception of
//   the first failing item in input order is rethrown (the same exception
//   object). An exception from source() counts as a failure at its place in
//   the input. An exception from sink() is rethrown once the workers are
//   stopped. Either way all threads are joined before the call returns.
// - Reading may run ahead of a failure: with threads > 1, source() may have
//   been called up to `window` items beyond the first failing item.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace textgraph {

template <class Source, class Work, class Sink>
void ordered_parallel_map(std::size_t threads, Source&& source, Work&& work, Sink&& sink,
                          std::size_t window = 0);

namespace parallel_detail {

template <class In, class Out, class Source, class Work>
class Pool {
 public:
  Pool(std::size_t window, Source& source, Work& work)
      : window_(window), slots_(window), source_(source), work_(work) {}

  // Stops the workers (they finish the item in hand) and joins them. Called
  // on every way out, including an exception from sink().
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    can_read_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  void start(std::size_t threads) {
    threads_.reserve(threads);
    for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { worker(); });
  }

  // The next result in input order, or nullopt at the end. Rethrows the
  // failure of the next item. The item keeps its place in the window until
  // release(), so that the one being passed to sink() counts as in flight.
  std::optional<Out> next() {
    std::unique_lock<std::mutex> lock(mutex_);
    Slot& slot = slots_[next_sink_ % window_];
    ready_.wait(lock, [&] { return slot.ready || (input_done_ && next_sink_ == input_end_); });
    if (!slot.ready) {
      if (source_error_) std::rethrow_exception(source_error_);
      return std::nullopt;
    }
    if (slot.error) std::rethrow_exception(slot.error);
    std::optional<Out> out = std::move(slot.value);
    slot = Slot();
    return out;
  }

  // The result taken by next() has been passed on: its place is free.
  void release() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++next_sink_;
    }
    can_read_.notify_all();
  }

 private:
  struct Slot {
    std::optional<Out> value;
    std::exception_ptr error;
    bool ready = false;
  };

  void worker() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      can_read_.wait(lock, [&] {
        return stop_ || input_done_ || failed_ || (!reading_ && next_read_ < next_sink_ + window_);
      });
      // After a failure nothing later is ever passed on: stop reading.
      if (stop_ || input_done_ || failed_) return;
      reading_ = true;
      const std::size_t seq = next_read_;
      lock.unlock();
      std::optional<In> item;
      std::exception_ptr error;
      try {
        item = source_();
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      reading_ = false;
      if (error || !item) {
        input_done_ = true;
        input_end_ = seq;
        source_error_ = error;
        lock.unlock();
        ready_.notify_all();
        can_read_.notify_all();
        return;
      }
      ++next_read_;
      lock.unlock();
      can_read_.notify_all();  // another worker may read the next item meanwhile

      // Slot seq is this worker's alone until it is marked ready: the
      // consumer only looks at ready slots, and the mutex orders the writes.
      Slot& slot = slots_[seq % window_];
      try {
        slot.value.emplace(work_(std::move(*item)));
      } catch (...) {
        slot.error = std::current_exception();
      }
      item.reset();
      lock.lock();
      slot.ready = true;
      if (slot.error) failed_ = true;
      ready_.notify_all();
    }
  }

  const std::size_t window_;
  std::vector<Slot> slots_;  // item seq lives in slots_[seq % window_]
  Source& source_;
  Work& work_;
  std::vector<std::thread> threads_;

  std::mutex mutex_;
  std::condition_variable can_read_;  // a worker may read: room in the window, or stop
  std::condition_variable ready_;     // a slot became ready, or the input ended
  std::size_t next_read_ = 0;         // number of items read so far
  std::size_t next_sink_ = 0;         // number of items passed to sink so far
  std::size_t input_end_ = 0;         // with input_done_: the number of items read
  bool reading_ = false;              // a worker is inside source()
  bool input_done_ = false;           // source() returned nullopt or threw
  bool failed_ = false;               // some work() threw
  bool stop_ = false;                 // the consumer is leaving
  std::exception_ptr source_error_;   // what source() threw, if it did
};

}  // namespace parallel_detail

template <class Source, class Work, class Sink>
void ordered_parallel_map(std::size_t threads, Source&& source, Work&& work, Sink&& sink,
                          std::size_t window) {
  using Item = std::invoke_result_t<Source&>;
  using In = typename Item::value_type;
  using Out = std::invoke_result_t<Work&, In&&>;
  static_assert(!std::is_void_v<Out>, "work must return a value for the sink");
  if (threads <= 1) {
    while (std::optional<In> item = source()) sink(work(std::move(*item)));
    return;
  }
  if (window == 0) window = 4 * threads;
  parallel_detail::Pool<In, Out, std::remove_reference_t<Source>, std::remove_reference_t<Work>>
      pool(window, source, work);
  pool.start(threads);
  while (std::optional<Out> out = pool.next()) {
    sink(std::move(*out));
    pool.release();
  }
}

}  // namespace textgraph
