// Documents analysed on all cores, written in input order, in bounded memory.
//
// One producer (the reading thread) submits tasks; `threads` workers run them. Each task gets
// a Ticket, its place in the input order, and hands its output to the ticket:
//
//   * Ticket::Write(text)  — the usual case: the text is queued and written (by whichever
//     thread completes the run of earlier tickets) as soon as every earlier ticket is written;
//   * Ticket::WriteInTurn(fn) — for a huge document whose output must not be held whole:
//     waits until every earlier ticket is written, then calls fn, which streams the output
//     itself (Output::MaybeFlush in pieces), with nothing else writing meanwhile.
//
// Every ticket must be written exactly once (Write or WriteInTurn; Write({}) for a document
// that produced nothing). Submit blocks while `max_in_flight` tickets, or tickets of more than
// `max_weight` (their documents' bytes) in all, are submitted but not yet written — one ticket
// always fits — so memory is bounded by the documents in flight, however long the stream: a
// slow document holds back the writing of later ones, not the reading of unbounded input.
//
// With threads == 1 tasks run inline on the producer's thread, in order: the single-threaded
// program, with no thread started.
//
// All writing happens under one mutex, through the `sink` given to the constructor, so the sink
// (the command's Output) needs no locking of its own.
#ifndef SVODKA_CLI_ORDERED_POOL_H_
#define SVODKA_CLI_ORDERED_POOL_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace svodka::cli {

class OrderedPool;

// One document's output: what goes to standard output, and the messages (warnings, errors)
// that go to standard error in the same order.
struct DocOutput {
  std::string out;
  std::string err;
  bool failed = false;  // the document could not be analysed (err says why): exit status 1
};

class Ticket {
 public:
  uint64_t seq() const { return seq_; }
  void Write(DocOutput output);
  void WriteInTurn(const std::function<void()>& write);

 private:
  friend class OrderedPool;
  Ticket(OrderedPool* pool, uint64_t seq) : pool_(pool), seq_(seq) {}
  OrderedPool* pool_;
  uint64_t seq_;
};

class OrderedPool {
 public:
  // `sink` writes one document's output (called under the pool's lock, in order).
  OrderedPool(int threads, size_t max_in_flight, size_t max_weight,
              std::function<void(DocOutput&)> sink);
  ~OrderedPool();  // Finish()
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Runs task(worker, ticket) on a worker (worker in [0, threads)); blocks while the pool is
  // full. `weight` is the document's size in bytes. Tasks must not throw.
  void Submit(size_t weight, std::function<void(int worker, Ticket& ticket)> task);
  // Waits until every submitted task has run and every ticket is written; stops the workers.
  void Finish();

  int threads() const { return threads_; }

 private:
  friend class Ticket;
  struct Task {
    uint64_t seq;
    std::function<void(int, Ticket&)> fn;
  };
  void Work(int worker);
  // Under mu_: writes every completed ticket from next_ on.
  void DrainLocked();
  void Complete(uint64_t seq, DocOutput output);
  void WriteInTurn(uint64_t seq, const std::function<void()>& write);
  void AdvanceLocked();  // ticket next_ is written

  const int threads_;
  const size_t max_in_flight_;
  const size_t max_weight_;
  std::function<void(DocOutput&)> sink_;
  std::mutex mu_;
  std::condition_variable changed_;  // a task queued or taken, a ticket written, stopping
  std::deque<Task> queue_;
  std::map<uint64_t, DocOutput> done_;  // completed, waiting for earlier tickets
  std::deque<size_t> weights_;          // of tickets next_, next_ + 1, ...
  size_t weight_in_flight_ = 0;
  uint64_t submitted_ = 0;
  uint64_t next_ = 0;  // the first ticket not yet written
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// The number of worker threads for a -j option: `requested` when positive, else every core.
int ResolveThreads(int requested);

}  // namespace svodka::cli

#endif  // SVODKA_CLI_ORDERED_POOL_H_
