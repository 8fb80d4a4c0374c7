#include "cli/ordered_pool.h"

#include <utility>

namespace svodka::cli {

void Ticket::Write(DocOutput output) { pool_->Complete(seq_, std::move(output)); }

void Ticket::WriteInTurn(const std::function<void()>& write) { pool_->WriteInTurn(seq_, write); }

OrderedPool::OrderedPool(int threads, size_t max_in_flight, size_t max_weight,
                         std::function<void(DocOutput&)> sink)
    : threads_(threads < 1 ? 1 : threads),
      max_in_flight_(max_in_flight < 1 ? 1 : max_in_flight),
      max_weight_(max_weight),
      sink_(std::move(sink)) {
  if (threads_ > 1) {
    for (int w = 0; w < threads_; ++w) workers_.emplace_back([this, w] { Work(w); });
  }
}

OrderedPool::~OrderedPool() { Finish(); }

void OrderedPool::Submit(size_t weight, std::function<void(int worker, Ticket& ticket)> task) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] {
    const uint64_t in_flight = submitted_ - next_;
    return in_flight == 0 ||
           (in_flight < max_in_flight_ && weight_in_flight_ + weight <= max_weight_);
  });
  const uint64_t seq = submitted_++;
  weights_.push_back(weight);
  weight_in_flight_ += weight;
  if (threads_ == 1) {
    lock.unlock();
    Ticket ticket(this, seq);
    task(0, ticket);
    return;
  }
  queue_.push_back({seq, std::move(task)});
  changed_.notify_all();
}

void OrderedPool::Work(int worker) {
  for (;;) {
    Task task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [&] { return !queue_.empty() || stopping_; });
      if (queue_.empty()) return;  // stopping, nothing left
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    Ticket ticket(this, task.seq);
    task.fn(worker, ticket);
  }
}

void OrderedPool::AdvanceLocked() {
  weight_in_flight_ -= weights_.front();
  weights_.pop_front();
  ++next_;
}

void OrderedPool::DrainLocked() {
  for (auto it = done_.find(next_); it != done_.end(); it = done_.find(next_)) {
    sink_(it->second);
    done_.erase(it);
    AdvanceLocked();
  }
}

void OrderedPool::Complete(uint64_t seq, DocOutput output) {
  std::lock_guard<std::mutex> lock(mu_);
  done_.emplace(seq, std::move(output));
  DrainLocked();
  changed_.notify_all();
}

void OrderedPool::WriteInTurn(uint64_t seq, const std::function<void()>& write) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] { return next_ == seq; });
  write();
  AdvanceLocked();
  DrainLocked();
  changed_.notify_all();
}

void OrderedPool::Finish() {
  {
    std::unique_lock<std::mutex> lock(mu_);
    changed_.wait(lock, [&] { return next_ == submitted_; });
    stopping_ = true;
    changed_.notify_all();
  }
  for (std::thread& t : workers_) t.join();
  workers_.clear();
}

int ResolveThreads(int requested) {
  if (requested > 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? static_cast<int>(cores) : 1;
}

}  // namespace svodka::cli
