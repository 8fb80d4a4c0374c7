// The stage interface: every step of the analysis (segmentation, morphology, and the stages
// to come: entities, linking, quotes, dates, events) is one immutable object with one verb,
//
//   Status Annotate(Document& doc, Scratch* scratch) const;
//
// which adds its layer of annotations to doc (replacing any it added before). A stage is
// built once (models are loaded, or memory-mapped, at construction) and is then shared by
// every thread: Annotate must not modify the stage. Memory that a call needs and that is
// worth keeping between calls (buffers, candidate lists) lives in the Scratch the CALLER
// owns — one per thread, reused across documents, as UDPipe's tagger caches are. A null
// scratch means "use a temporary one" (slower: nothing is reused).
//
// Errors: a stage returns a Status for what it cannot do with this document (an input over a
// documented limit); it never throws and never aborts on input.
#ifndef SVODKA_STAGE_H_
#define SVODKA_STAGE_H_

#include <memory>
#include <string_view>
#include <typeinfo>
#include <utility>
#include <vector>

#include "svodka/document.h"
#include "svodka/status.h"

namespace svodka {

// Per-thread working memory of the stages: one slot per (stage, type), created on first use
// and kept until the Scratch is destroyed. Not thread-safe: one Scratch per thread.
class Scratch {
 public:
  Scratch() = default;
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  // The T of `owner` (a stage), default-constructed on first use. Stages call it with `this`.
  template <typename T>
  T& For(const void* owner) {
    for (auto& s : slots_)
      if (s.owner == owner && s.type == &typeid(T))
        return static_cast<Holder<T>*>(s.value.get())->value;
    slots_.push_back({owner, &typeid(T), std::make_unique<Holder<T>>()});
    return static_cast<Holder<T>*>(slots_.back().value.get())->value;
  }

 private:
  struct Base {
    virtual ~Base() = default;
  };
  template <typename T>
  struct Holder : Base {
    T value{};
  };
  struct Slot {
    const void* owner;
    const std::type_info* type;
    std::unique_ptr<Base> value;
  };
  std::vector<Slot> slots_;  // a handful of stages: a linear search is the fastest map
};

class Stage {
 public:
  virtual ~Stage() = default;
  // A short name for messages and timings ("segment", "morph").
  virtual std::string_view name() const = 0;
  // Adds this stage's annotations to doc. Thread-safe (const); `scratch` may be null.
  virtual Status Annotate(Document& doc, Scratch* scratch) const = 0;
};

}  // namespace svodka

#endif  // SVODKA_STAGE_H_
