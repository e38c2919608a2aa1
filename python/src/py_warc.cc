#include "py_warc.h"

#include <utility>

#include "py_record.h"

namespace py = pybind11;

namespace qingxi::python {
namespace {

// Header values are bytes on the wire: a stray non-UTF-8 byte becomes U+FFFD, never an error.
py::str Text(const std::string& s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (o == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

}  // namespace

WarcIterator::WarcIterator(const std::string& path) : path_(path) {
  Result<std::unique_ptr<fetch::WarcReader>> reader = [&] {
    py::gil_scoped_release release;
    return fetch::WarcReader::Open(path);
  }();
  if (!reader.ok()) ThrowStatus(reader.status());
  reader_ = std::move(reader.value());
}

py::dict WarcIterator::Next() {
  if (finished_) throw py::stop_iteration();
  fetch::WarcRecord rec;
  Result<bool> got = [&] {
    py::gil_scoped_release release;
    return reader_->Next(&rec);
  }();
  if (!got.ok()) {
    finished_ = true;
    ThrowStatus(Status::IoError(path_ + ": " + got.status().message()));
  }
  if (!*got) {
    finished_ = true;
    if (reader_->truncated())
      ThrowStatus(Status::IoError(path_ + ": truncated WARC (the last record is incomplete)"));
    throw py::stop_iteration();
  }
  // WARC/1.0 writers put the target URI in angle brackets.
  std::string url = rec.target_uri;
  if (url.size() >= 2 && url.front() == '<' && url.back() == '>') url = url.substr(1, url.size() - 2);
  py::list headers;
  for (const auto& [name, value] : rec.http_headers) headers.append(py::make_tuple(Text(name), Text(value)));
  py::dict d;
  d["type"] = Text(rec.warc_type);
  d["record_id"] = Text(rec.record_id);
  d["url"] = Text(url);
  d["date"] = Text(rec.date);
  d["status"] = rec.http_status == 0 ? py::object(py::none()) : py::object(py::int_(rec.http_status));
  d["headers"] = std::move(headers);
  d["content_type"] = Text(rec.content_type);
  d["body"] = py::bytes(rec.body);
  return d;
}

}  // namespace qingxi::python
