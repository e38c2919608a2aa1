#include "crawl_common.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "qingxi/fetch/url.h"

namespace qingxi::cli {

StopOnSignal::StopOnSignal(std::function<void()> on_stop) : on_stop_(std::move(on_stop)) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGUSR2);  // the destructor's wake-up call
  pthread_sigmask(SIG_BLOCK, &set, &old_mask_);
  thread_ = std::thread([this, set] {
    int sig = 0;
    while (sigwait(&set, &sig) == 0) {
      if (done_.load()) return;
      if (sig == SIGUSR2) continue;
      if (stopped_.exchange(true)) {
        std::fputs("\nqingxi: second signal: stopping now\n", stderr);
        std::_Exit(128 + sig);
      }
      std::fputs("\nqingxi: stopping (signal again to stop at once)...\n", stderr);
      on_stop_();
    }
  });
}

StopOnSignal::~StopOnSignal() {
  done_ = true;
  pthread_kill(thread_.native_handle(), SIGUSR2);
  thread_.join();
  pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
}

void AddNetOptions(CLI::App* app, NetOptions* o) {
  app->add_option("--resolve", o->resolve,
                  "HOST:PORT:ADDRESS: connect to ADDRESS for HOST:PORT "
                  "instead of resolving HOST (as curl --resolve); may be repeated");
  app->add_option("--user-agent", o->user_agent,
                  "User-Agent product and version (robots.txt "
                  "groups are matched on the part before '/')")
      ->capture_default_str();
  app->add_option("--contact", o->contact,
                  "URL or mailto: where site owners can reach you, "
                  "sent in the User-Agent as (+CONTACT)");
  app->add_option("--delay-ms", o->delay_ms,
                  "minimum gap between request starts to one host "
                  "(robots.txt Crawl-delay, when larger, wins)")
      ->capture_default_str()
      ->check(CLI::Range(0, 3600000));
  app->add_option("--per-host", o->per_host, "transfers in flight to one host")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app->add_option("--max-transfers", o->max_transfers, "transfers in flight over all hosts")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000));
  app->add_option("--timeout", o->timeout_s, "seconds for one whole transfer")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 86400.0));
  app->add_option("--connect-timeout", o->connect_timeout_s, "seconds to connect")
      ->capture_default_str()
      ->check(CLI::Range(0.1, 3600.0));
  app->add_option("--max-bytes", o->max_bytes,
                  "largest body kept; longer bodies are cut "
                  "(fetch: bytes as sent, still gzip/br/zstd-coded; such a response is not "
                  "archived and counts as an error; crawl: decoded bytes, cleaned and flagged "
                  "\"truncated\")")
      ->capture_default_str();
  app->add_option("--retries", o->retries,
                  "further attempts after a 429, 5xx or network "
                  "failure")
      ->capture_default_str()
      ->check(CLI::Range(0, 20));
  app->add_flag("--no-robots", o->no_robots,
                "do NOT fetch or obey robots.txt (only for sites "
                "you own or have permission to crawl)");
  app->add_flag("--allow-private", o->allow_private,
                "allow loopback, private and link-local "
                "addresses (testing against local servers)");
  app->add_option("--cacert", o->ca_file,
                  "PEM file of the certificate authorities to trust for https:// instead of the "
                  "system's (as curl --cacert)")
      ->check(CLI::ExistingFile);
  app->add_flag("--all-types", o->all_types, "accept every Content-Type, not only HTML and text");
  app->add_flag("-q,--quiet", o->quiet, "no progress line and no summary on standard error");
  app->add_option("--stats", o->stats_file, "write a JSON summary of the run to FILE");
}

fetch::FetchOptions MakeFetchOptions(const NetOptions& o, const char* command) {
  fetch::FetchOptions f;
  f.resolve = o.resolve;
  f.user_agent = o.user_agent;
  f.contact = o.contact;
  f.per_host_delay_ms = o.delay_ms;
  f.max_per_host = o.per_host;
  f.max_transfers = o.max_transfers;
  f.timeout_ms = static_cast<int>(o.timeout_s * 1000);
  f.connect_timeout_ms = static_cast<int>(o.connect_timeout_s * 1000);
  f.max_body_bytes = o.max_bytes;
  f.max_retries = o.retries;
  f.obey_robots = !o.no_robots;
  f.allow_private_addresses = o.allow_private;
  f.ca_file = o.ca_file;
  if (o.all_types) f.accept_content_types.clear();
  // Keep the fetcher's queue in proportion to what can be in flight: memory stays bounded by
  // max_transfers, and the source (a URL file or the crawl database) is read lazily.
  f.max_queued = std::max<size_t>(1000, static_cast<size_t>(o.max_transfers) * 20);
  // Loud on purpose: both switch off protections other people rely on.
  if (o.no_robots)
    std::fprintf(stderr,
                 "qingxi %s: WARNING: --no-robots: robots.txt is neither fetched nor "
                 "obeyed. Crawl only sites you own or may crawl this way.\n",
                 command);
  if (o.allow_private && !o.quiet)
    std::fprintf(stderr,
                 "qingxi %s: note: --allow-private: loopback and private addresses "
                 "may be fetched\n",
                 command);
  if (o.contact.empty() && !o.quiet)
    std::fprintf(stderr, "qingxi %s: note: no --contact given; site owners cannot reach you\n",
                 command);
  return f;
}

Status ReadUrlList(const std::string& path, std::vector<std::string>* urls) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return Status::IoError(path + ": " + std::strerror(errno));
  char* line = nullptr;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, f)) >= 0) {
    std::string_view s(line, static_cast<size_t>(n));
    while (!s.empty() && std::strchr(" \t\r\n", s.back())) s.remove_suffix(1);
    while (!s.empty() && std::strchr(" \t", s.front())) s.remove_prefix(1);
    if (s.empty() || s.front() == '#') continue;
    urls->emplace_back(s);
  }
  std::free(line);
  bool err = std::ferror(f);
  if (f != stdin) std::fclose(f);
  if (err) return Status::IoError(path + ": read error");
  return Status::Ok();
}

void RunSummary::Count(const fetch::FetchResponse& r) {
  ++pages;
  body_bytes += r.body.size();
  wire_bytes += r.wire_bytes;
  std::string key;
  if (r.error == fetch::FetchError::kNone) {
    key = std::to_string(r.status);
    if (r.status == 304) ++not_modified;
  } else {
    key = std::string("error:") + fetch::FetchErrorName(r.error);
    if (r.error == fetch::FetchError::kRobotsDisallowed) ++disallowed;
    if (!error_causes.count(key)) error_causes[key] = r.url + ": " + ErrorCause(r);
  }
  ++by_status[key];
}

std::string ErrorCause(const fetch::FetchResponse& r) {
  if (r.error == fetch::FetchError::kAddressRefused) {
    auto u = fetch::ParseUrl(r.final_url.empty() ? r.url : r.final_url);
    return (u.ok() ? u->host : std::string("the host")) +
           " is a loopback, private or link-local address, refused by default — add "
           "--allow-private to fetch from it";
  }
  if (r.error == fetch::FetchError::kTls &&
      r.error_message.rfind("tls: certificate verify failed", 0) == 0)
    return r.error_message + " — see --cacert";
  std::string m = r.error_message.empty() ? fetch::FetchErrorName(r.error) : r.error_message;
  if (r.error == fetch::FetchError::kTimeout) m += " — a slow server: raise --timeout / --connect-timeout";
  if (r.error == fetch::FetchError::kDns) m += " — check the host name, or give its address with --resolve";
  if (r.error == fetch::FetchError::kNone && r.status != 0) m = "HTTP " + std::to_string(r.status);
  return m;
}

namespace {

std::string TimeoutValue(const NetOptions& o) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g/%g", o.timeout_s, o.connect_timeout_s);
  return buf;
}

std::string ResolveValue(const NetOptions& o) {
  std::string out;
  for (const std::string& r : o.resolve) out += (out.empty() ? "" : ",") + r;
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> FixOptionValues(const NetOptions& o) {
  return {{"allow-private", o.allow_private ? "yes" : "no"},
          {"cacert", o.ca_file},
          {"timeout", TimeoutValue(o)},
          {"robots", o.no_robots ? "off" : "on"},
          {"resolve", ResolveValue(o)},
          {"all-types", o.all_types ? "yes" : "no"}};
}

fetch::FetchFailure FailureOf(const fetch::FetchResponse& r, const NetOptions& o) {
  fetch::FetchFailure f;
  using E = fetch::FetchError;
  if (r.error == E::kNone || r.error == E::kBodyTooLarge) {
    if (r.not_modified || (r.status >= 200 && r.status <= 299) || r.status == 304) return f;
    f.kind = "http_" + std::to_string(r.status);
    f.cause = ErrorCause(r);
    return f;
  }
  f.kind = fetch::FetchErrorName(r.error);
  f.cause = ErrorCause(r);
  const char* option = nullptr;
  switch (r.error) {
    case E::kAddressRefused:
      option = "allow-private";
      break;
    case E::kTls:
      option = "cacert";
      break;
    case E::kTimeout:
      option = "timeout";
      break;
    case E::kRobotsDisallowed:
    case E::kRobotsUnavailable:
      option = "robots";
      break;
    case E::kDns:
    case E::kConnect:
      option = "resolve";
      break;
    case E::kContentTypeRejected:
      option = "all-types";
      break;
    default:
      return f;
  }
  for (auto& [name, value] : FixOptionValues(o)) {
    if (name != option) continue;
    f.fix_option = name;
    f.fix_value = value;
  }
  return f;
}

std::string RunSummary::ToJson() const {
  nlohmann::json j;
  j["command"] = command;
  j["pages"] = pages;
  j["ok"] = ok;
  j["errors"] = errors;
  j["not_modified"] = not_modified;
  j["disallowed"] = disallowed;
  if (command == "crawl") {
    j["unchanged"] = unchanged;
    j["documents"] = documents;
    j["skipped_written"] = skipped_written;
    j["discovered"] = discovered;
    j["no_text"] = no_text;
    if (next_due > 0) j["next_due"] = next_due;
    records.AddTo(&j);
  }
  j["body_bytes"] = body_bytes;
  j["wire_bytes"] = wire_bytes;
  j["output_bytes"] = output_bytes;
  j["by_status"] = by_status;
  j["error_causes"] = error_causes;
  j["seconds"] = seconds;
  j["pages_per_second"] = seconds > 0 ? pages / seconds : 0.0;
  j["stopped"] = stopped;
  return j.dump();
}

std::string RunSummary::ToText() const {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "qingxi %s: %llu pages (%llu ok, %llu not modified, %llu errors), %.1f MB "
                "received (%.1f MB on the wire), %.1f MB written in %.2f s (%.0f pages/s)%s\n",
                command.c_str(), static_cast<unsigned long long>(pages),
                static_cast<unsigned long long>(ok), static_cast<unsigned long long>(not_modified),
                static_cast<unsigned long long>(errors), body_bytes / 1e6, wire_bytes / 1e6,
                output_bytes / 1e6, seconds, seconds > 0 ? pages / seconds : 0.0,
                stopped ? " (stopped)" : "");
  std::string out = buf;
  if (command == "crawl") {
    std::snprintf(
        buf, sizeof buf,
        "qingxi crawl: %llu documents written, %llu unchanged, %llu already written, "
        "%llu without text, %llu URLs discovered\n",
        static_cast<unsigned long long>(documents), static_cast<unsigned long long>(unchanged),
        static_cast<unsigned long long>(skipped_written), static_cast<unsigned long long>(no_text),
        static_cast<unsigned long long>(discovered));
    out += buf;
  }
  if (command == "crawl") out += records.ToText(command);
  if (!by_status.empty()) {
    out += "qingxi " + command + ": by status:";
    for (const auto& [k, v] : by_status) out += " " + k + "=" + std::to_string(v);
    out += "\n";
  }
  for (const auto& [k, cause] : error_causes) out += "qingxi " + command + ": " + k + ": " + cause + "\n";
  return out;
}

Status WriteStatsFile(const std::string& path, const RunSummary& summary) {
  if (path.empty()) return Status::Ok();
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << summary.ToJson() << "\n";
    if (!f) return Status::IoError(tmp + ": cannot write");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return Status::IoError(path + ": " + std::strerror(errno));
  return Status::Ok();
}

bool IsSharedCrawlDb(const std::string& db_uri) {
  return db_uri.rfind("postgresql://", 0) == 0 || db_uri.rfind("postgres://", 0) == 0;
}

void FrontierWait::SawProgress(Clock::time_point now) {
  last_progress_ = now;
  seen_ = true;
  interval_ = std::chrono::milliseconds(250);
}

FrontierWait::Decision FrontierWait::Next(const fetch::FrontierState& state,
                                          Clock::time_point now) {
  // "in flight" rows are leased to some crawler (or to one that died, until its lease runs
  // out); "due" counts rows whose next due time has come, those of buckets other crawlers
  // hold included. Neither: every URL is settled until its next re-crawl.
  pending_ = state.in_flight + state.due;
  if (state.in_flight == 0 && state.due == 0) return Decision::kFinished;
  // Any change is somebody's progress: a claim or a recorded fetch moves the in-flight count,
  // claims and added links move the due count, a written document moves the corpus ends.
  const bool changed = !seen_ || state.in_flight != last_.in_flight || state.due != last_.due ||
                       state.written != last_.written;
  last_ = state;
  if (changed) {
    SawProgress(now);
    return Decision::kPoll;
  }
  if (std::chrono::duration<double>(now - last_progress_).count() >= linger_s_)
    return Decision::kGaveUp;
  interval_ = std::min<Clock::duration>(interval_ * 2, std::chrono::seconds(2));
  return Decision::kPoll;
}

}  // namespace qingxi::cli
