// A throw-away PostgreSQL server on loopback for the PostgreSQL crawl-store tests, started
// through scripts/pg-test-server.sh (initdb in a temporary directory, a free port, a time
// limit after which it stops itself). One server per test binary; every test gets a fresh
// database of its own. Header-only so that each pg test file can include it.
//
// Thread-safety: Start/Stop/NewDatabase from the test's main thread only.
#ifndef QINGXI_TESTS_PG_TEST_SERVER_H_
#define QINGXI_TESTS_PG_TEST_SERVER_H_

#include <postgresql/libpq-fe.h>  // libpq-dev; the directory is not on the default path
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "test_util.h"

namespace qingxi::testing {

inline constexpr const char* kPgInitdb = "/usr/lib/postgresql/15/bin/initdb";

class PgTestServer {
 public:
  // Why the PostgreSQL tests cannot run here, or "" when they can.
  static std::string Unavailable() {
    if (access(kPgInitdb, X_OK) != 0)
      return std::string("PostgreSQL server binaries are not installed (") + kPgInitdb +
             "; Debian package postgresql-15)";
    return "";
  }

  // The server shared by the tests of this binary, started on first use (nullptr and *error
  // when it did not start).
  static PgTestServer* Shared(std::string* error) {
    static PgTestServer* server = nullptr;
    static std::string failure;
    if (server == nullptr && failure.empty()) {
      auto* s = new PgTestServer();
      if (s->Start(&failure)) {
        server = s;
        std::atexit([] { server->Stop(); });
      } else {
        delete s;
      }
    }
    if (server == nullptr && error != nullptr) *error = failure;
    return server;
  }

  bool Start(std::string* error, int time_limit_s = 900) {
    state_ = TempDir();
    std::string out;
    const int rc = Run("sh " + SourceDir() + "/scripts/pg-test-server.sh start " + state_ + " " +
                           std::to_string(time_limit_s) + " 2>" + state_ + "/start.err",
                       &out);
    const size_t at = out.find("PORT ");
    if (rc != 0 || at == std::string::npos) {
      *error = "pg-test-server.sh start failed (" + std::to_string(rc) +
               "): " + ReadFile(state_ + "/start.err");
      return false;
    }
    port_ = std::atoi(out.c_str() + at + 5);
    started_ = port_ > 0;
    return started_;
  }
  void Stop() {
    if (!started_) return;
    Run("sh " + SourceDir() + "/scripts/pg-test-server.sh stop " + state_);
    started_ = false;
  }

  std::string Uri(const std::string& db) const {
    return "postgresql://qingxi@127.0.0.1:" + std::to_string(port_) + "/" + db;
  }
  // Creates an empty database with a fresh name and returns its URI ("" on failure).
  std::string NewDatabase() {
    const std::string name = "qx_" + std::to_string(getpid()) + "_" + std::to_string(++dbs_);
    return Exec(Uri("postgres"), "CREATE DATABASE " + name).empty() ? "" : Uri(name);
  }
  // Runs one statement; returns the first column of the first row ("" when none), or "" and
  // prints the error to stderr. `ok` is set when the statement succeeded.
  static std::string Query(const std::string& uri, const std::string& sql, bool* ok = nullptr) {
    PGconn* c = PQconnectdb(uri.c_str());
    std::string out;
    bool good = false;
    if (PQstatus(c) == CONNECTION_OK) {
      PGresult* r = PQexec(c, sql.c_str());
      const ExecStatusType st = PQresultStatus(r);
      good = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
      if (st == PGRES_TUPLES_OK && PQntuples(r) > 0) out = PQgetvalue(r, 0, 0);
      if (!good) fprintf(stderr, "query failed: %s: %s", sql.c_str(), PQresultErrorMessage(r));
      PQclear(r);
    } else {
      fprintf(stderr, "connect failed: %s", PQerrorMessage(c));
    }
    PQfinish(c);
    if (ok != nullptr) *ok = good;
    return out;
  }
  int port() const { return port_; }

 private:
  static std::string Exec(const std::string& uri, const std::string& sql) {
    bool ok = false;
    Query(uri, sql, &ok);
    return ok ? "ok" : "";
  }

  std::string state_;
  int port_ = 0;
  bool started_ = false;
  int dbs_ = 0;
};

}  // namespace qingxi::testing

// Skips the test, saying why, when PostgreSQL is not installed; fails it when the server does
// not start; otherwise sets `uri_var` to a fresh database.
#define QINGXI_PG_DATABASE(uri_var)                                                         \
  std::string uri_var;                                                                      \
  do {                                                                                      \
    const std::string why = ::qingxi::testing::PgTestServer::Unavailable();                 \
    if (!why.empty()) GTEST_SKIP() << why << "; skipping";                                  \
    std::string err;                                                                        \
    ::qingxi::testing::PgTestServer* srv = ::qingxi::testing::PgTestServer::Shared(&err);   \
    ASSERT_NE(srv, nullptr) << err;                                                         \
    uri_var = srv->NewDatabase();                                                           \
    ASSERT_FALSE(uri_var.empty()) << "CREATE DATABASE failed";                              \
  } while (0)

#endif  // QINGXI_TESTS_PG_TEST_SERVER_H_
