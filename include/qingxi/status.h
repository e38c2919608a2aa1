// qingxi/status.h — the error type every fallible qingxi function returns.
//
// A Status is a code plus a human-readable message ("file:line: reason" for rule files,
// "decode: ..." for pages). Result<T> holds either a value or a non-OK Status. No qingxi
// function throws across a module boundary; callers check ok() and report message().
// Both types are plain values: copyable, movable, and safe to share read-only across threads.
#ifndef QINGXI_STATUS_H_
#define QINGXI_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace qingxi {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad input data or options (a broken page, a malformed rule)
    kNotFound,         // a file or resource that is not there
    kIoError,          // the operating system refused a read or write
    kResourceExhausted,// an input limit was hit (size, depth, time)
    kUnavailable,      // a transient failure worth retrying (network, lock)
    kInternal,         // a bug: an invariant did not hold
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return Status(Code::kInvalidArgument, std::move(m)); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status IoError(std::string m) { return Status(Code::kIoError, std::move(m)); }
  static Status ResourceExhausted(std::string m) { return Status(Code::kResourceExhausted, std::move(m)); }
  static Status Unavailable(std::string m) { return Status(Code::kUnavailable, std::move(m)); }
  static Status Internal(std::string m) { return Status(Code::kInternal, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "OK" or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}                  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}          // NOLINT: implicit by design
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace qingxi

#endif  // QINGXI_STATUS_H_
