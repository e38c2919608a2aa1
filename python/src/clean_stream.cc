#include "clean_stream.h"

#include <chrono>
#include <utility>

#include "py_record.h"

namespace py = pybind11;

namespace qingxi::python {

CleanStream::CleanStream(std::shared_ptr<const Pipeline> pipeline, py::object docs, int threads)
    : pipeline_(std::move(pipeline)),
      docs_(std::move(docs)),
      window_limit_(static_cast<size_t>(threads) * 4) {
  workers_.reserve(static_cast<size_t>(threads));
  for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Worker(); });
}

CleanStream::~CleanStream() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  {
    // A worker may be inside a long document; let other Python threads run meanwhile.
    py::gil_scoped_release release;
    for (auto& t : workers_) t.join();
  }
  // window_ (and the Python references its documents hold) is destroyed with the GIL held.
}

void CleanStream::Worker() {
  for (;;) {
    Slot* slot;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      slot = queue_.front();
      queue_.pop_front();
    }
    nlohmann::ordered_json result = CleanDocument(*pipeline_, slot->doc);
    {
      std::lock_guard<std::mutex> lock(mu_);
      slot->result = std::move(result);
      slot->done = true;
    }
    done_cv_.notify_all();
  }
}

void CleanStream::Fill() {
  while (!input_done_ && window_.size() < window_limit_) {
    Slot& slot = window_.emplace_back();
    try {
      PyObject* raw = PyIter_Next(docs_.ptr());
      if (raw == nullptr) {
        if (PyErr_Occurred()) throw py::error_already_set();
        window_.pop_back();
        input_done_ = true;
        return;
      }
      py::object item = py::reinterpret_steal<py::object>(raw);
      slot.doc = DocumentFromItem(item, pulled_++);
    } catch (py::error_already_set& e) {
      slot.raised.emplace(std::move(e));
      input_done_ = true;
      return;
    } catch (const py::builtin_exception& e) {
      e.set_error();
      slot.raised.emplace();
      input_done_ = true;
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(&slot);
    }
    work_cv_.notify_one();
  }
}

py::object CleanStream::Next() {
  Fill();
  if (window_.empty()) throw py::stop_iteration();
  Slot& front = window_.front();
  if (front.raised) {
    py::error_already_set e = std::move(*front.raised);
    window_.pop_front();
    throw e;
  }
  for (;;) {
    bool done;
    {
      py::gil_scoped_release release;
      std::unique_lock<std::mutex> lock(mu_);
      done = done_cv_.wait_for(lock, std::chrono::milliseconds(100), [&] { return front.done; });
    }
    if (done) break;
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();  // Ctrl-C while waiting
  }
  py::object record = ToPython(front.result);
  window_.pop_front();
  Fill();  // keep the workers busy while the caller handles this record
  return record;
}

}  // namespace qingxi::python
