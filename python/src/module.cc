// qingxi._qingxi — the Python extension module: Cleaner (Pipeline), Converter, read_warc.
//
// A thin layer over the public C++ API: no cleaning logic lives here. Records come from the one
// JSONL form (py_record.h); C++ work runs with the GIL released. The typed, documented Python
// API is the package qingxi (python/qingxi/__init__.py), which calls into this module.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "clean_stream.h"
#include "py_document.h"
#include "py_record.h"
#include "py_warc.h"
#include "qingxi/convert.h"
#include "qingxi/pipeline.h"

namespace py = pybind11;

namespace qingxi::python {
namespace {

class PyCleaner {
 public:
  PyCleaner(const std::string& rules_dir, bool convert, size_t max_bytes,
            const std::vector<std::string>& extra_rules) {
    PipelineOptions options;
    options.rules_dir = rules_dir;
    options.extra_rules = extra_rules;
    options.convert = convert;
    options.max_input_bytes = max_bytes;
    Result<std::shared_ptr<const Pipeline>> pipeline = [&] {
      py::gil_scoped_release release;
      return Pipeline::Create(options);
    }();
    if (!pipeline.ok()) ThrowStatus(pipeline.status());
    pipeline_ = std::move(pipeline.value());
  }

  py::object Clean(py::handle data, const std::optional<std::string>& id,
                   const std::optional<std::string>& url,
                   const std::optional<std::string>& content_type, const std::string& kind,
                   const std::optional<std::string>& source,
                   const std::optional<std::string>& fetched_at) {
    PyDocument doc;
    doc.kind = ParseKind(kind);
    doc.content_type = content_type.value_or("");
    doc.SetData(data);  // a str declares its own charset
    doc.id = id.value_or("");
    doc.url = url.value_or("");
    doc.source = source.value_or(doc.url);
    doc.fetched_at = fetched_at.value_or("");
    nlohmann::ordered_json record;
    {
      py::gil_scoped_release release;
      record = CleanDocument(*pipeline_, doc);
    }
    return ToPython(record);
  }

  std::unique_ptr<CleanStream> CleanMany(py::iterable docs, int threads) {
    if (threads < 0) throw py::value_error("threads must be >= 0 (0: one per core)");
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    return std::make_unique<CleanStream>(pipeline_, py::iter(docs), threads);
  }

 private:
  std::shared_ptr<const Pipeline> pipeline_;
};

class PyConverter {
 public:
  explicit PyConverter(const std::string& rules_dir) {
    Result<std::shared_ptr<const Converter>> converter = [&] {
      py::gil_scoped_release release;
      return Converter::Create(rules_dir);
    }();
    if (!converter.ok()) ThrowStatus(converter.status());
    converter_ = std::move(converter.value());
  }
  std::string Convert(const std::string& text) const {
    py::gil_scoped_release release;
    return converter_->ToSimplified(text);
  }
  std::string Detect(const std::string& text) const {
    py::gil_scoped_release release;
    return ScriptName(converter_->Detect(text));
  }

 private:
  std::shared_ptr<const Converter> converter_;
};

}  // namespace
}  // namespace qingxi::python

PYBIND11_MODULE(_qingxi, m) {
  using namespace qingxi::python;
  m.doc() = "qingxi's C++ engine; use the package qingxi, which documents this API.";
  m.attr("__version__") = QINGXI_VERSION;

  py::class_<CleanStream>(m, "CleanStream", "Iterator of records from Cleaner.clean_many.")
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &CleanStream::Next);

  py::class_<PyCleaner>(m, "Cleaner")
      .def(py::init<const std::string&, bool, size_t, const std::vector<std::string>&>(),
           py::arg("rules_dir"), py::arg("convert") = true,
           py::arg("max_bytes") = size_t{64} << 20,
           py::arg("extra_rules") = std::vector<std::string>{})
      .def("clean", &PyCleaner::Clean, py::arg("data"), py::kw_only(), py::arg("id") = py::none(),
           py::arg("url") = py::none(), py::arg("content_type") = py::none(),
           py::arg("kind") = "auto", py::arg("source") = py::none(),
           py::arg("fetched_at") = py::none())
      .def("clean_many", &PyCleaner::CleanMany, py::arg("docs"), py::kw_only(),
           py::arg("threads") = 0);

  py::class_<PyConverter>(m, "Converter")
      .def(py::init<const std::string&>(), py::arg("rules_dir"))
      .def("convert", &PyConverter::Convert, py::arg("text"))
      .def("detect", &PyConverter::Detect, py::arg("text"));

  py::class_<WarcIterator>(m, "WarcIterator", "Iterator of records from read_warc.")
      .def(py::init<const std::string&>(), py::arg("path"))
      .def("__iter__", [](py::object self) { return self; })
      .def("__next__", &WarcIterator::Next)
      .def_property_readonly("truncated", &WarcIterator::truncated)
      .def_property_readonly("notes", &WarcIterator::notes);
}
