// python/src/clean_stream.h — Cleaner.clean_many: documents from a Python iterable cleaned on
// C++ worker threads, records handed back in input order.
//
// The Python thread that iterates pulls items from the input only to keep a window of
// `threads * 4` documents in flight, so memory is bounded by the window and not by the input.
// Workers run Pipeline::Process and build each record's JSON without the GIL; the iterating
// thread waits for the next record in order with the GIL released (other Python threads run,
// and Ctrl-C is noticed), then turns it into a dict. An exception raised by the input iterable
// or by a malformed item is raised at that item's place in the output order.
//
// Thread-safety: one CleanStream is iterated by one Python thread at a time (the GIL makes
// __next__ calls exclusive).
#ifndef QINGXI_PYTHON_CLEAN_STREAM_H_
#define QINGXI_PYTHON_CLEAN_STREAM_H_

#include <pybind11/pybind11.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "py_document.h"
#include "qingxi/pipeline.h"

namespace qingxi::python {

class CleanStream {
 public:
  // threads: worker threads, >= 1.
  CleanStream(std::shared_ptr<const Pipeline> pipeline, pybind11::object docs, int threads);
  ~CleanStream();
  CleanStream(const CleanStream&) = delete;
  CleanStream& operator=(const CleanStream&) = delete;

  // The next record as a dict; throws pybind11::stop_iteration at the end.
  pybind11::object Next();

 private:
  struct Slot {
    PyDocument doc;
    std::optional<pybind11::error_already_set> raised;  // the input failed here
    bool done = false;                                   // result is ready
    nlohmann::ordered_json result;
  };
  void Fill();    // with the GIL: tops the window up from the input
  void Worker();  // without the GIL

  std::shared_ptr<const Pipeline> pipeline_;
  pybind11::object docs_;  // a Python iterator
  bool input_done_ = false;
  uint64_t pulled_ = 0;
  size_t window_limit_;
  // Owned by the iterating thread; workers reach slots only through queue_ (std::deque keeps
  // element addresses stable on push_back/pop_front).
  std::deque<Slot> window_;

  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Slot*> queue_;  // guarded by mu_
  bool stop_ = false;        // guarded by mu_
  std::vector<std::thread> workers_;
};

}  // namespace qingxi::python

#endif  // QINGXI_PYTHON_CLEAN_STREAM_H_
