// python/src/py_document.h — a document handed in from Python, held so that the cleaning engine
// can read it with the GIL released and without copying its bytes.
//
// `bytes` and `str` are immutable, so their buffers are read in place while the object is kept
// alive by `owner`; a bytearray or memoryview is copied. A `str` is UTF-8 here, and its charset
// is declared to the decoder as such (a <meta charset> inside the markup no longer describes it).
// A PyDocument holds a Python reference: create and destroy it with the GIL held; between the
// two, Input() and CleanDocument may run on any thread.
#ifndef QINGXI_PYTHON_PY_DOCUMENT_H_
#define QINGXI_PYTHON_PY_DOCUMENT_H_

#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "qingxi/pipeline.h"

namespace qingxi::python {

struct PyDocument {
  std::string id, source, url, content_type, fetched_at;
  InputKind kind = InputKind::kAuto;
  std::string error;  // non-empty: the item was malformed and becomes an error record

  // Reads `data` (bytes, str, bytearray or memoryview); TypeError for anything else.
  void SetData(pybind11::handle data);
  std::string_view bytes() const { return copy_ ? std::string_view(copied_) : view_; }
  // The document as the pipeline takes it (views into this object).
  InputDocument Input() const;

 private:
  pybind11::object owner_;
  std::string_view view_;
  std::string copied_;
  bool copy_ = false;
};

// "auto", "html" or "text"; ValueError otherwise.
InputKind ParseKind(const std::string& kind);

// One item of Cleaner.clean_many: bytes or str (id: its position), an (id, data) pair, or a dict
// with "html" or "text" and optional "id", "url", "source", "content_type". A dict with neither
// "html" nor "text" becomes an error record, as a JSONL line without them does for the command;
// an item of another type raises TypeError.
PyDocument DocumentFromItem(pybind11::handle item, uint64_t index);

// Cleans one document (Pipeline::Process, or the error record of a malformed item) into the
// record's JSON value. Runs without the GIL.
nlohmann::ordered_json CleanDocument(const Pipeline& pipeline, const PyDocument& doc);

}  // namespace qingxi::python

#endif  // QINGXI_PYTHON_PY_DOCUMENT_H_
