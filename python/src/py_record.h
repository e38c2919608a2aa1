// python/src/py_record.h — a Record as a Python dict, and a Status as a Python exception.
//
// The dict is made from the record's one JSONL form (ToJsonLine in qingxi/record.h): the line is
// parsed back (keys in the written order) and its values become Python objects, so a dict has
// exactly the keys and values of the line `qingxi clean` writes, whatever fields the record
// gains. RecordJson runs without the GIL; ToPython needs it.
#ifndef QINGXI_PYTHON_PY_RECORD_H_
#define QINGXI_PYTHON_PY_RECORD_H_

#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>

#include "qingxi/record.h"
#include "qingxi/status.h"

namespace qingxi::python {

// The record's JSONL line as a JSON value (no Python involved: safe without the GIL).
nlohmann::ordered_json RecordJson(const Record& record);

// JSON -> Python: object -> dict (same key order), array -> list, string -> str, number ->
// int/float, bool, null -> None. Needs the GIL.
pybind11::object ToPython(const nlohmann::ordered_json& value);

// Raises the Python exception for a non-OK status, with the status message as its text (the
// line the command prints after "qingxi <command>: "): FileNotFoundError for kNotFound, OSError
// for kIoError/kUnavailable, ValueError for kInvalidArgument/kResourceExhausted, RuntimeError
// otherwise.
[[noreturn]] void ThrowStatus(const Status& status);

}  // namespace qingxi::python

#endif  // QINGXI_PYTHON_PY_RECORD_H_
