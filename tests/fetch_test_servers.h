// Loopback HTTP servers for the fetch tests: the scriptable fault server
// (tests/servers/fault_server.py) and the nginx static test site (tests/servers/nginx_site.sh).
// Each server listens on 127.0.0.1 on a port it picks itself, stops itself after a time limit
// in case a test crashes, and is stopped by the destructor. Header-only so that every
// fetch_*_test.cc can include it without a library of its own.
//
// Thread-safety: none; one test thread owns a server object.
#ifndef QINGXI_TESTS_FETCH_TEST_SERVERS_H_
#define QINGXI_TESTS_FETCH_TEST_SERVERS_H_

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_util.h"

namespace qingxi::testing {

// One request as the fault server saw it.
struct ServerLogEntry {
  double t = 0;      // CLOCK_MONOTONIC seconds at arrival
  std::string path;  // with query
  std::string user_agent, if_none_match, if_modified_since, accept_encoding;
};

class FaultServer {
 public:
  FaultServer() = default;
  ~FaultServer() { Stop(); }
  FaultServer(const FaultServer&) = delete;
  FaultServer& operator=(const FaultServer&) = delete;

  // Starts the server with extra arguments (e.g. {"--robots", path}); false (and *error) when it
  // did not report a port within 10 s.
  bool Start(const std::vector<std::string>& args = {}, int time_limit_s = 120,
             std::string* error = nullptr) {
    dir_ = TempDir();
    log_path_ = dir_ + "/requests.log";
    std::string script = SourceDir() + "/tests/servers/fault_server.py";
    std::vector<std::string> argv = {"python3", script,         "--log",
                                     log_path_, "--time-limit", std::to_string(time_limit_s)};
    argv.insert(argv.end(), args.begin(), args.end());
    int fds[2];
    if (pipe(fds) != 0) return false;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], 1);
      close(fds[0]);
      close(fds[1]);
      std::vector<char*> cargv;
      for (auto& a : argv) cargv.push_back(a.data());
      cargv.push_back(nullptr);
      execvp("python3", cargv.data());
      _exit(127);
    }
    close(fds[1]);
    std::string line;
    pollfd pfd{fds[0], POLLIN, 0};
    while (line.find('\n') == std::string::npos && poll(&pfd, 1, 10000) > 0) {
      char buf[256];
      ssize_t n = read(fds[0], buf, sizeof buf);
      if (n <= 0) break;
      line.append(buf, static_cast<size_t>(n));
    }
    close(fds[0]);
    if (line.rfind("PORT ", 0) != 0) {
      if (error) *error = "fault server did not start: '" + line + "'";
      Stop();
      return false;
    }
    port_ = std::atoi(line.c_str() + 5);
    return port_ > 0;
  }

  void Stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status;
      waitpid(pid_, &status, 0);
      pid_ = -1;
    }
  }

  int port() const { return port_; }
  std::string Origin(const std::string& host = "127.0.0.1") const {
    return "http://" + host + ":" + std::to_string(port_);
  }
  std::string Url(const std::string& path, const std::string& host = "127.0.0.1") const {
    return Origin(host) + path;
  }
  const std::string& dir() const { return dir_; }

  std::vector<ServerLogEntry> Log() const {
    std::vector<ServerLogEntry> out;
    for (const std::string& line : ReadLines(log_path_)) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) continue;
      ServerLogEntry e;
      e.t = j.value("t", 0.0);
      e.path = j.value("path", "");
      e.user_agent = j.value("ua", "");
      e.if_none_match = j.value("inm", "");
      e.if_modified_since = j.value("ims", "");
      e.accept_encoding = j.value("ae", "");
      out.push_back(std::move(e));
    }
    return out;
  }
  // Arrival times of requests whose path starts with `prefix`.
  std::vector<double> Times(const std::string& prefix) const {
    std::vector<double> t;
    for (const auto& e : Log())
      if (e.path.rfind(prefix, 0) == 0) t.push_back(e.t);
    return t;
  }
  int Count(const std::string& prefix) const { return static_cast<int>(Times(prefix).size()); }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string dir_, log_path_;
};

// nginx serving a directory on 127.0.0.1. Start() returns 77 when nginx is not installed so
// the caller can skip with a clear message.
class NginxSite {
 public:
  NginxSite() : prefix_(TempDir()) { std::filesystem::create_directories(prefix_ + "/site"); }
  ~NginxSite() { Stop(); }
  NginxSite(const NginxSite&) = delete;
  NginxSite& operator=(const NginxSite&) = delete;

  std::string SitePath(const std::string& rel) const { return prefix_ + "/site/" + rel; }
  void WriteSiteFile(const std::string& rel, const std::string& data) {
    std::filesystem::path p(SitePath(rel));
    std::filesystem::create_directories(p.parent_path());
    WriteFile(p.string(), data);
  }

  // Serve HTTPS (HTTP/2 and HTTP/1.1 by ALPN) with a certificate for 127.0.0.1 signed by a
  // throw-away CA (tests/servers/make_test_ca.sh); call before Start. 0 on success, 77 when
  // openssl is missing.
  int UseTls(std::string* error = nullptr) {
    int rc = Run("sh " + SourceDir() + "/tests/servers/make_test_ca.sh " + prefix_ + "/tls 2>" + prefix_ +
                 "/tls.err");
    if (rc != 0) {
      if (error) *error = ReadFile(prefix_ + "/tls.err");
      return rc;
    }
    scheme_ = "https";
    return 0;
  }
  // The CA certificate that signed the server's (after UseTls).
  std::string CaFile() const { return prefix_ + "/tls/ca.crt"; }

  // 0 on success, 77 when nginx is missing, other values on failure (*error says why).
  int Start(int time_limit_s = 300, std::string* error = nullptr) {
    std::string out;
    int rc = Run("sh " + SourceDir() + "/tests/servers/nginx_site.sh start " + prefix_ + " " +
                     std::to_string(time_limit_s) + " 2>" + prefix_ + "/start.err",
                 &out);
    if (rc != 0 || out.rfind("PORT ", 0) != 0) {
      if (error) *error = ReadFile(prefix_ + "/start.err");
      return rc == 0 ? 1 : rc;
    }
    port_ = std::atoi(out.c_str() + 5);
    started_ = true;
    return 0;
  }
  void Stop() {
    if (!started_) return;
    Run("sh " + SourceDir() + "/tests/servers/nginx_site.sh stop " + prefix_);
    started_ = false;
  }
  std::string Url(const std::string& path) const {
    return scheme_ + "://127.0.0.1:" + std::to_string(port_) + path;
  }
  int port() const { return port_; }
  // Request lines nginx logged ("GET /a.html HTTP/1.1" ...), one per request.
  std::vector<std::string> AccessLog() const { return ReadLines(prefix_ + "/access.log"); }

 private:
  std::string prefix_;
  std::string scheme_ = "http";
  int port_ = 0;
  bool started_ = false;
};

}  // namespace qingxi::testing

#endif  // QINGXI_TESTS_FETCH_TEST_SERVERS_H_
