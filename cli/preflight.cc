#include "preflight.h"

#include <filesystem>

namespace qingxi::cli {

Status CheckParentDirectory(const std::string& path, const std::string& option) {
  if (path.empty() || path == "-") return Status::Ok();
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return Status::Ok();  // the current directory
  std::error_code ec;
  if (std::filesystem::is_directory(parent, ec)) return Status::Ok();
  if (std::filesystem::exists(parent, ec))
    return Status::InvalidArgument("cannot write " + option + " " + path + ": " + parent.string() +
                                   " is not a directory");
  return Status::InvalidArgument("cannot write " + option + " " + path + ": directory " +
                                 parent.string() + " does not exist (create it first: mkdir -p " +
                                 parent.string() + ")");
}

std::string SqliteDbPath(const std::string& db_uri) {
  if (db_uri.rfind("postgresql://", 0) == 0 || db_uri.rfind("postgres://", 0) == 0) return "";
  if (db_uri == ":memory:") return "";
  if (db_uri.rfind("sqlite://", 0) == 0) return db_uri.substr(9);
  return db_uri;
}

}  // namespace qingxi::cli
