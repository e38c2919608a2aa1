// python/src/py_warc.h — qingxi.read_warc: the document records of a WARC or WET file as dicts.
//
// A thin iterator over fetch::WarcReader (include/qingxi/fetch/warc.h): .warc and .warc.gz (gzip
// recognised by its magic bytes), ours and Common Crawl's, WET conversion records included.
// Each record is read with the GIL released. A torn tail raises OSError after the last complete
// record, with the message `qingxi clean` prints for it. One Python thread at a time.
#ifndef QINGXI_PYTHON_PY_WARC_H_
#define QINGXI_PYTHON_PY_WARC_H_

#include <pybind11/pybind11.h>

#include <memory>
#include <string>

#include "qingxi/fetch/warc.h"

namespace qingxi::python {

class WarcIterator {
 public:
  // Opens `path`; raises OSError (FileNotFoundError) with the reader's message on failure.
  explicit WarcIterator(const std::string& path);
  // {"type", "record_id", "url", "date", "status", "headers", "content_type", "body"};
  // pybind11::stop_iteration at the end.
  pybind11::dict Next();
  bool truncated() const { return reader_->truncated(); }
  const std::vector<std::string>& notes() const { return reader_->notes(); }

 private:
  std::string path_;
  std::unique_ptr<fetch::WarcReader> reader_;
  bool finished_ = false;
};

}  // namespace qingxi::python

#endif  // QINGXI_PYTHON_PY_WARC_H_
