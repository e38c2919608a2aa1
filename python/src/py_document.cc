#include "py_document.h"

#include <string>

#include "py_record.h"

namespace py = pybind11;

namespace qingxi::python {

void PyDocument::SetData(py::handle data) {
  copy_ = false;
  if (PyBytes_Check(data.ptr())) {
    char* p = nullptr;
    Py_ssize_t n = 0;
    if (PyBytes_AsStringAndSize(data.ptr(), &p, &n) != 0) throw py::error_already_set();
    owner_ = py::reinterpret_borrow<py::object>(data);
    view_ = std::string_view(p, static_cast<size_t>(n));
  } else if (PyUnicode_Check(data.ptr())) {
    Py_ssize_t n = 0;
    // The UTF-8 form is cached inside the str object and lives as long as it does.
    const char* p = PyUnicode_AsUTF8AndSize(data.ptr(), &n);
    if (p == nullptr) throw py::error_already_set();
    owner_ = py::reinterpret_borrow<py::object>(data);
    view_ = std::string_view(p, static_cast<size_t>(n));
    content_type = "charset=utf-8";
  } else if (PyByteArray_Check(data.ptr()) || PyMemoryView_Check(data.ptr())) {
    py::object b = py::reinterpret_steal<py::object>(PyBytes_FromObject(data.ptr()));
    if (!b) throw py::error_already_set();
    copied_.assign(PyBytes_AS_STRING(b.ptr()), static_cast<size_t>(PyBytes_GET_SIZE(b.ptr())));
    copy_ = true;
  } else {
    throw py::type_error(std::string("data must be bytes or str, not ") +
                         Py_TYPE(data.ptr())->tp_name);
  }
}

InputDocument PyDocument::Input() const {
  InputDocument in;
  in.id = id;
  in.source = source;
  in.url = url;
  in.fetched_at = fetched_at;
  in.bytes = bytes();
  in.kind = kind;
  in.content_type = content_type;
  // As for the command: the file name (here: the source) or else the URL decides --in auto.
  in.name_hint = source.empty() ? url : source;
  return in;
}

InputKind ParseKind(const std::string& kind) {
  if (kind == "auto") return InputKind::kAuto;
  if (kind == "html") return InputKind::kHtml;
  if (kind == "text") return InputKind::kText;
  throw py::value_error("kind must be 'auto', 'html' or 'text', not '" + kind + "'");
}

namespace {

// dict[key] as a str, "" when absent or None.
std::string OptionalString(const py::dict& d, const char* key) {
  if (!d.contains(key)) return "";
  py::object v = d[key];
  return v.is_none() ? std::string() : py::str(v).cast<std::string>();
}

}  // namespace

PyDocument DocumentFromItem(py::handle item, uint64_t index) {
  PyDocument doc;
  doc.id = std::to_string(index);
  if (py::isinstance<py::dict>(item)) {
    py::dict d = py::reinterpret_borrow<py::dict>(item);
    if (std::string id = OptionalString(d, "id"); !id.empty()) doc.id = id;
    doc.url = OptionalString(d, "url");
    doc.source = OptionalString(d, "source");
    if (doc.source.empty()) doc.source = doc.url;
    doc.fetched_at = OptionalString(d, "fetched_at");
    std::string content_type = OptionalString(d, "content_type");
    if (d.contains("html") && !d["html"].is_none()) {
      doc.SetData(d["html"]);
      doc.kind = InputKind::kHtml;
    } else if (d.contains("text") && !d["text"].is_none()) {
      doc.SetData(d["text"]);
      doc.kind = InputKind::kText;
    } else {
      doc.error = "item " + std::to_string(index) + " has no html or text";
    }
    if (doc.content_type.empty()) doc.content_type = content_type;  // a str's charset stays
    return doc;
  }
  if (py::isinstance<py::tuple>(item) || py::isinstance<py::list>(item)) {
    py::sequence pair = py::reinterpret_borrow<py::sequence>(item);
    if (pair.size() != 2)
      throw py::type_error("clean_many: item " + std::to_string(index) +
                           " is a sequence of " + std::to_string(pair.size()) +
                           " values; expected an (id, data) pair");
    doc.id = py::str(pair[0]).cast<std::string>();
    doc.SetData(pair[1]);
    return doc;
  }
  if (PyBytes_Check(item.ptr()) || PyUnicode_Check(item.ptr()) ||
      PyByteArray_Check(item.ptr()) || PyMemoryView_Check(item.ptr())) {
    doc.SetData(item);
    return doc;
  }
  throw py::type_error("clean_many: item " + std::to_string(index) + " is " +
                       Py_TYPE(item.ptr())->tp_name +
                       "; expected bytes, str, an (id, data) pair or a dict with html or text");
}

nlohmann::ordered_json CleanDocument(const Pipeline& pipeline, const PyDocument& doc) {
  if (doc.error.empty()) return RecordJson(pipeline.Process(doc.Input()));
  Record r;
  r.id = doc.id;
  r.source = doc.source;
  r.url = doc.url;
  r.error = doc.error;
  return RecordJson(r);
}

}  // namespace qingxi::python
