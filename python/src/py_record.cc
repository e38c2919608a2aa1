#include "py_record.h"

#include <string>

namespace py = pybind11;

namespace qingxi::python {

nlohmann::ordered_json RecordJson(const Record& record) {
  // ToJsonLine always writes one valid JSON object (invalid UTF-8 already replaced).
  return nlohmann::ordered_json::parse(ToJsonLine(record));
}

py::object ToPython(const nlohmann::ordered_json& value) {
  using Type = nlohmann::ordered_json::value_t;
  switch (value.type()) {
    case Type::null:
    case Type::discarded:
      return py::none();
    case Type::boolean:
      return py::bool_(value.get<bool>());
    case Type::number_integer:
      return py::int_(value.get<int64_t>());
    case Type::number_unsigned:
      return py::int_(value.get<uint64_t>());
    case Type::number_float:
      return py::float_(value.get<double>());
    case Type::string: {
      const auto& s = value.get_ref<const std::string&>();
      return py::str(s.data(), s.size());
    }
    case Type::binary:
      return py::bytes(reinterpret_cast<const char*>(value.get_binary().data()),
                       value.get_binary().size());
    case Type::array: {
      py::list list(value.size());
      size_t i = 0;
      for (const auto& item : value) list[i++] = ToPython(item);
      return std::move(list);
    }
    case Type::object: {
      py::dict dict;
      for (const auto& [key, item] : value.items()) dict[py::str(key)] = ToPython(item);
      return std::move(dict);
    }
  }
  return py::none();
}

void ThrowStatus(const Status& status) {
  const std::string& m = status.message();
  switch (status.code()) {
    case Status::Code::kNotFound:
      PyErr_SetString(PyExc_FileNotFoundError, m.c_str());
      break;
    case Status::Code::kIoError:
    case Status::Code::kUnavailable:
      PyErr_SetString(PyExc_OSError, m.c_str());
      break;
    case Status::Code::kInvalidArgument:
    case Status::Code::kResourceExhausted:
      PyErr_SetString(PyExc_ValueError, m.c_str());
      break;
    default:
      PyErr_SetString(PyExc_RuntimeError, m.c_str());
      break;
  }
  throw py::error_already_set();
}

}  // namespace qingxi::python
