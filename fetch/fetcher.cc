// The fetch engine: libcurl's multi interface on one thread, with per-host politeness.
//
// Shape (after curl's docs/examples/hiperfifo.c and crawler.c): libcurl tells the engine which
// sockets to watch and when its next timeout is (CURLMOPT_SOCKETFUNCTION/TIMERFUNCTION); the
// engine keeps them in an epoll set, sleeps in epoll_wait until a socket is ready, curl's timer
// expires, the next host becomes ready or another thread asks it to stop (an eventfd), and
// hands each ready socket to curl_multi_socket_action. Finished transfers are collected with
// curl_multi_info_read, and the source is pulled from while there is room. Unlike
// curl_multi_perform, which visits every transfer on every call, this costs in proportion to
// the sockets that are actually ready.
//
// Politeness state lives in one HostQueue per politeness key (the host by default): a FIFO of
// requests, the number in flight, the earliest time the next request may start (per-host delay,
// Crawl-delay, Retry-After and backoff all move this one clock forward), and the count of
// consecutive failures for exponential backoff. Ready hosts sit in a min-heap keyed by that
// time, so scheduling costs O(log hosts) per start however many hosts are waiting.
#include "qingxi/fetch/fetcher.h"

#include <curl/curl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <deque>
#include <optional>
#include <queue>
#include <random>
#include <unordered_map>
#include <unordered_set>

#include "qingxi/ascii.h"
#include "qingxi/fetch/robots.h"
#include "qingxi/fetch/url.h"

namespace qingxi::fetch {

const char* FetchErrorName(FetchError e) {
  switch (e) {
    case FetchError::kNone:
      return "none";
    case FetchError::kInvalidUrl:
      return "invalid_url";
    case FetchError::kRobotsDisallowed:
      return "robots_disallowed";
    case FetchError::kRobotsUnavailable:
      return "robots_unavailable";
    case FetchError::kAddressRefused:
      return "address_refused";
    case FetchError::kContentTypeRejected:
      return "content_type_rejected";
    case FetchError::kBodyTooLarge:
      return "body_too_large";
    case FetchError::kTooManyRedirects:
      return "too_many_redirects";
    case FetchError::kTimeout:
      return "timeout";
    case FetchError::kDns:
      return "dns";
    case FetchError::kConnect:
      return "connect";
    case FetchError::kTls:
      return "tls";
    case FetchError::kNetwork:
      return "network";
    case FetchError::kStopped:
      return "stopped";
  }
  return "unknown";
}

namespace {

using Clock = std::chrono::steady_clock;

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

void InitCurlOnce() {
  static const bool ok = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
  (void)ok;
}

// Retry-After (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date. Returns seconds from
// now, or nullopt when absent or unparsable. curl_getdate parses the three HTTP date formats.
std::optional<double> ParseRetryAfter(std::string_view value) {
  value = TrimView(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return 1e9;
    return static_cast<double>(std::stol(std::string(value)));
  }
  time_t when = curl_getdate(std::string(value).c_str(), nullptr);
  if (when == -1) return std::nullopt;
  double delta = std::difftime(when, std::time(nullptr));
  return delta < 0 ? 0.0 : delta;
}

struct Pending {
  FetchRequest request;
  std::string fetch_url;  // normalised spec actually requested
  std::string origin;     // scheme://host[:port], the robots.txt unit
  std::string target;     // path?query, what robots.txt rules match
  Clock::time_point taken;
  int attempts = 0;
  int redirects = 0;  // hops followed so far
  uint64_t wire_bytes = 0;
  uint64_t header_bytes = 0;
};

struct HostQueue {
  std::string key;
  std::deque<Pending> queue;
  int active = 0;
  // Started transfers whose request has not gone out yet (connecting, or waiting for the CPU).
  // While one is pending, a host with a delay starts nothing more: the delay runs from the
  // moment a request is sent (see OnPrereq), so a request that leaves late cannot end up
  // closer than the delay to the next one.
  int unsent = 0;
  Clock::duration delay{};  // the gap kept between requests (per-host delay or Crawl-delay)
  Clock::time_point next_start{};
  int failures = 0;  // consecutive, for backoff
  bool robots_in_flight = false;
  double crawl_delay_s = 0;  // capped, from the last robots.txt consulted
  uint64_t heap_gen = 0;     // only the heap entry with the current generation is live
};

struct Transfer {
  CURL* easy = nullptr;
  HostQueue* host = nullptr;
  void* engine = nullptr;  // the Fetcher::Engine that runs it (for OnPrereq)
  bool sent = false;       // the request went out (CURLOPT_PREREQFUNCTION was called)
  bool is_robots = false;
  std::string robots_origin;
  Pending pending;
  curl_slist* request_headers = nullptr;
  // Response being received (reset at each status line: redirects and 1xx have their own).
  int header_status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  size_t body_limit = 0;
  bool decoded = true;  // libcurl removes the Content-Encoding of this transfer's body
  const std::vector<std::string>* accept_types = nullptr;
  bool allow_private = false;
  bool address_refused = false;
  bool type_rejected = false;
  bool too_large = false;
  char error_buffer[CURL_ERROR_SIZE] = {0};
};

// "tls: certificate verify failed for HOST (detail)" or "tls: handshake failed for HOST (...)":
// the one line a user needs to tell a certificate problem from a network one.
std::string TlsMessage(CURLcode code, const std::string& url, const char* detail) {
  auto u = ParseUrl(url);
  const std::string host = u.ok() ? u->host : url;
  std::string m = code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE ||
                          code == CURLE_SSL_ISSUER_ERROR
                      ? "tls: certificate verify failed for " + host
                      : "tls: handshake failed for " + host;
  if (detail && *detail) m += std::string(" (") + detail + ")";
  return m;
}

const std::string* FindHeader(const std::vector<std::pair<std::string, std::string>>& headers,
                              std::string_view name) {
  for (const auto& h : headers)
    if (ascii::EqualsIgnoreCase(h.first, name)) return &h.second;
  return nullptr;
}

bool ContentTypeAccepted(const std::vector<std::string>& accepted, std::string_view value) {
  if (accepted.empty()) return true;
  value = TrimView(value);
  if (value.empty()) return true;  // no Content-Type: let the cleaner sniff it
  std::string_view media = value.substr(0, value.find(';'));
  media = TrimView(media);
  for (const auto& a : accepted)
    if (ascii::StartsWithIgnoreCase(media, a)) return true;
  return false;
}

size_t OnHeader(char* data, size_t size, size_t nmemb, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t len = size * nmemb;
  std::string_view line(data, len);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.size() >= 5 && line.substr(0, 5) == "HTTP/") {
    t->headers.clear();
    t->headers.reserve(16);  // a typical response's fields, in one allocation
    size_t sp = line.find(' ');
    t->header_status =
        sp == std::string_view::npos ? 0 : std::atoi(std::string(line.substr(sp + 1, 3)).c_str());
    return len;
  }
  if (line.empty()) {
    // End of one response's header block. Intermediate responses (1xx, followed redirects)
    // are skipped; the final one is checked before a single body byte is accepted, so a
    // rejected type or a declared oversize costs only the headers.
    const int st = t->header_status;
    if (st < 200 || t->is_robots) return len;
    if (st >= 300 && st < 400 && FindHeader(t->headers, "location")) return len;
    if (st >= 200 && st < 300) {
      const std::string* ct = FindHeader(t->headers, "content-type");
      if (ct && !ContentTypeAccepted(*t->accept_types, *ct)) {
        t->type_rejected = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
      }
      // Content-Length counts the bytes as sent: it bounds the body delivered when that is
      // not decoded, or when there is no coding to undo.
      const std::string* cl = FindHeader(t->headers, "content-length");
      if (cl && (!t->decoded || !FindHeader(t->headers, "content-encoding"))) {
        char* end = nullptr;
        unsigned long long n = std::strtoull(cl->c_str(), &end, 10);
        if (end != cl->c_str()) {
          if (n > t->body_limit) {
            t->too_large = true;
            return 0;
          }
          // One allocation for the whole body (an untouched reservation costs no memory).
          if (!t->decoded) t->body.reserve(std::min<unsigned long long>(n, 1u << 20));
        }
      }
    }
    return len;
  }
  if ((line.front() == ' ' || line.front() == '\t') && !t->headers.empty()) {
    // obs-fold (RFC 9112 section 5.2): a continuation of the previous field value.
    t->headers.back().second += ' ';
    t->headers.back().second += TrimView(line);
    return len;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return len;
  if (t->headers.size() < 500) {
    t->headers.emplace_back(std::string(TrimView(line.substr(0, colon))),
                            std::string(TrimView(line.substr(colon + 1))));
  }
  return len;
}

size_t OnBody(char* data, size_t size, size_t nmemb, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t len = size * nmemb;
  if (t->body.size() + len > t->body_limit) {
    // Bounded memory and bounded decompression: when it decodes, libcurl hands us decoded
    // bytes, so cutting here also stops a small gzip bomb from inflating further.
    t->body.append(data, t->body_limit - t->body.size());
    t->too_large = true;
    return 0;
  }
  t->body.append(data, len);
  return len;
}

// Connect-time address check: runs after DNS for every address curl tries, including the
// targets of redirects, so a public name resolving to 10.0.0.1 or 127.0.0.1 is refused too.
curl_socket_t OnOpenSocket(void* user, curlsocktype purpose, struct curl_sockaddr* addr) {
  auto* t = static_cast<Transfer*>(user);
  if (!t->allow_private && !IsPublicAddress(&addr->addr)) {
    t->address_refused = true;
    return CURL_SOCKET_BAD;
  }
  return socket(addr->family, addr->socktype | SOCK_CLOEXEC, addr->protocol);
}

}  // namespace

namespace {

std::string UserAgentHeader(const FetchOptions& options) {
  return options.contact.empty() ? options.user_agent
                                 : options.user_agent + " (+" + options.contact + ")";
}

std::string AcceptHeader(const FetchOptions& options) {
  std::string accept;
  for (const auto& t : options.accept_content_types) accept += (accept.empty() ? "" : ",") + t;
  return accept.empty() ? std::string("*/*") : accept + ";q=0.9,*/*;q=0.1";
}

std::string AcceptEncodingHeader() {
  // What CURLOPT_ACCEPT_ENCODING "" makes libcurl send: every coding it was built with, in
  // its own order (lib/content_encoding.c).
  InitCurlOnce();
  const curl_version_info_data* v = curl_version_info(CURLVERSION_NOW);
  std::string out;
  if (v->features & CURL_VERSION_LIBZ) out = "deflate, gzip";
  if (v->features & CURL_VERSION_BROTLI) out += out.empty() ? "br" : ", br";
  if (v->features & CURL_VERSION_ZSTD) out += out.empty() ? "zstd" : ", zstd";
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> PageRequestHeaders(const FetchOptions& options) {
  std::vector<std::pair<std::string, std::string>> h = {{"User-Agent", UserAgentHeader(options)}};
  if (std::string enc = AcceptEncodingHeader(); !enc.empty())
    h.emplace_back("Accept-Encoding", enc);
  h.emplace_back("Accept", AcceptHeader(options));
  return h;
}

std::string FetchResponse::Header(std::string_view name) const {
  const std::string* v = FindHeader(headers, name);
  return v ? *v : std::string();
}

class Fetcher::Engine {
 public:
  Engine(Fetcher* f, const Source& source, const Sink& sink)
      : f_(f),
        opt_(f->options_),
        stats_(f->stats_),
        source_(source),
        sink_(sink),
        rng_(opt_.jitter_seed ? opt_.jitter_seed
                              : static_cast<uint64_t>(Clock::now().time_since_epoch().count())),
        robots_(f->robots_) {
    user_agent_ = UserAgentHeader(opt_);
    robots_token_ = opt_.robots_token;
    if (robots_token_.empty()) robots_token_ = opt_.user_agent.substr(0, opt_.user_agent.find('/'));
    accept_header_ = "Accept: " + AcceptHeader(opt_);
    max_transfers_ = std::max(1, opt_.max_transfers);
    max_per_host_ = std::max(1, opt_.max_per_host);
    for (const std::string& r : opt_.resolve) resolve_ = curl_slist_append(resolve_, r.c_str());
    accept_only_ = curl_slist_append(nullptr, accept_header_.c_str());
  }

  ~Engine() {
    for (auto& [easy, t] : active_) {
      curl_multi_remove_handle(multi_, easy);
      curl_easy_cleanup(easy);
      curl_slist_free_all(t->request_headers);
    }
    for (CURL* e : free_handles_) curl_easy_cleanup(e);
    if (multi_) curl_multi_cleanup(multi_);  // calls SocketCallback for what it still holds
    {
      std::lock_guard<std::mutex> lock(f_->wake_mu_);
      f_->wake_fd_ = -1;
    }
    if (wake_fd_ >= 0) close(wake_fd_);
    if (epoll_fd_ >= 0) close(epoll_fd_);
    curl_slist_free_all(resolve_);  // after the handles that point at them
    curl_slist_free_all(accept_only_);
  }

  Status Run() {
    InitCurlOnce();
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (epoll_fd_ < 0 || wake_fd_ < 0) return Status::Internal("epoll/eventfd unavailable");
    epoll_event wake{};
    wake.events = EPOLLIN;
    wake.data.fd = wake_fd_;
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake) != 0)
      return Status::Internal("epoll_ctl failed");
    multi_ = curl_multi_init();
    if (!multi_) return Status::Internal("curl_multi_init failed");
    curl_multi_setopt(multi_, CURLMOPT_PIPELINING,
                      opt_.http2 ? CURLPIPE_MULTIPLEX : CURLPIPE_NOTHING);
    // No CURLMOPT_MAX_TOTAL_CONNECTIONS: the engine already keeps at most max_transfers in
    // flight, and with that limit set libcurl parks new transfers as "pending" until a
    // connection closes instead of evicting an idle one, which halved throughput over many
    // hosts in our loopback measurements. MAXCONNECTS bounds the idle connection cache.
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, static_cast<long>(max_transfers_ * 2));
    curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &Engine::SocketCallback);
    curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
    {
      std::lock_guard<std::mutex> lock(f_->wake_mu_);
      f_->wake_fd_ = wake_fd_;
    }
    const Clock::time_point started = Clock::now();
    Clock::time_point last_sweep = started;
    constexpr int kMaxEvents = 256;
    epoll_event events[kMaxEvents];
    while (true) {
      if (f_->stop_.load()) {
        stats_.stopped = true;
        break;
      }
      Refill();
      StartReady();
      if (active_.empty() && queued_ == 0 && source_done_ && !parked_) break;

      Clock::time_point now = Clock::now();
      if (now - last_sweep > std::chrono::seconds(10)) {
        SweepIdleHosts(now);
        last_sweep = now;
      }
      long wait_ms = 200;  // upper bound, so that a lost wake-up costs at most this
      // libcurl's next timeout, asked each time rather than tracked through
      // CURLMOPT_TIMERFUNCTION: that callback only reports changes of the earliest timer, so
      // a wake-up a little before it (its deadline is rounded to milliseconds) would lose it.
      long curl_ms = -1;
      curl_multi_timeout(multi_, &curl_ms);
      if (curl_ms >= 0) wait_ms = std::min(wait_ms, curl_ms);
      if (static_cast<int>(active_.size()) < max_transfers_ && !heap_.empty()) {
        auto until =
            std::chrono::duration_cast<std::chrono::milliseconds>(heap_.top().when - now).count();
        wait_ms = std::min<long>(wait_ms, std::max<long>(0, until + 1));
      }
      const int n = epoll_wait(epoll_fd_, events, kMaxEvents, static_cast<int>(wait_ms));
      int running = 0;
      for (int i = 0; i < n; ++i) {
        if (events[i].data.fd == wake_fd_) {
          uint64_t count = 0;
          (void)!read(wake_fd_, &count, sizeof(count));
          continue;
        }
        int flags = 0;
        if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLRDHUP)) flags |= CURL_CSELECT_IN;
        if (events[i].events & EPOLLOUT) flags |= CURL_CSELECT_OUT;
        if (events[i].events & EPOLLERR) flags |= CURL_CSELECT_ERR;
        curl_multi_socket_action(multi_, events[i].data.fd, flags, &running);
      }
      curl_multi_timeout(multi_, &curl_ms);
      if (curl_ms == 0) {
        curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
        if (!active_.empty()) resolve_loaded_ = true;
      }
      CollectFinished();
    }
    stats_.elapsed_s = std::chrono::duration<double>(Clock::now() - started).count();
    return Status::Ok();
  }

 private:
  // CURLMOPT_SOCKETFUNCTION: keep the epoll set equal to what libcurl wants watched. A socket
  // is marked as known with curl_multi_assign; a descriptor number can come back after a close
  // (curl reports the removal first), so ADD and MOD each fall back to the other.
  static int SocketCallback(CURL* /*easy*/, curl_socket_t s, int what, void* userp, void* socketp) {
    auto* self = static_cast<Engine*>(userp);
    if (what == CURL_POLL_REMOVE) {
      epoll_ctl(self->epoll_fd_, EPOLL_CTL_DEL, s, nullptr);
      return 0;
    }
    epoll_event ev{};
    ev.data.fd = s;
    if (what & CURL_POLL_IN) ev.events |= EPOLLIN;
    if (what & CURL_POLL_OUT) ev.events |= EPOLLOUT;
    if (socketp == nullptr) {
      if (epoll_ctl(self->epoll_fd_, EPOLL_CTL_ADD, s, &ev) != 0 && errno == EEXIST)
        epoll_ctl(self->epoll_fd_, EPOLL_CTL_MOD, s, &ev);
      curl_multi_assign(self->multi_, s, self);
    } else if (epoll_ctl(self->epoll_fd_, EPOLL_CTL_MOD, s, &ev) != 0 && errno == ENOENT) {
      epoll_ctl(self->epoll_fd_, EPOLL_CTL_ADD, s, &ev);
    }
    return 0;
  }

  struct HeapEntry {
    Clock::time_point when;
    HostQueue* host;
    uint64_t gen;
    bool operator>(const HeapEntry& o) const { return when > o.when; }
  };

  // Pulls from the source while there is room. A request whose host queue is full is parked
  // (only one), and the source is not asked again until that host drains: head-of-line
  // blocking, but memory stays bounded however the source orders its URLs.
  void Refill() {
    while (queued_ < opt_.max_queued || parked_) {
      if (parked_) {
        HostQueue* h = parked_host_;
        if (h->queue.size() >= opt_.max_queued_per_host) return;
        Enqueue(h, std::move(*parked_));
        parked_.reset();
        parked_host_ = nullptr;
        continue;
      }
      if (source_done_) return;
      FetchRequest req;
      if (!source_(&req)) {
        source_done_ = true;
        return;
      }
      ++stats_.requests;
      ++queued_;
      Pending p;
      p.taken = Clock::now();
      Result<Url> url = ParseUrl(req.url);
      p.request = std::move(req);
      if (!url.ok()) {
        FetchResponse r = NewResponse(p);
        r.error = FetchError::kInvalidUrl;
        r.error_message = url.status().message();
        Deliver(std::move(r));
        continue;
      }
      p.fetch_url = url->spec;
      p.origin = url->Origin();
      p.target = url->PathAndQuery();
      HostQueue* slot = HostFor(url->host);
      if (slot->queue.size() >= opt_.max_queued_per_host) {
        parked_ = std::move(p);
        parked_host_ = slot;
        return;
      }
      Enqueue(slot, std::move(p));
    }
  }

  HostQueue* HostFor(const std::string& host) {
    std::string key;
    if (opt_.politeness_key) key = opt_.politeness_key(host);
    if (key.empty()) key = host;
    auto& slot = hosts_[key];
    if (!slot) {
      slot = std::make_unique<HostQueue>();
      slot->key = key;
    }
    return slot.get();
  }

  void Enqueue(HostQueue* h, Pending p) {
    h->queue.push_back(std::move(p));
    if (h->queue.size() == 1) Schedule(h);
  }

  // (Re)inserts `h` in the ready heap when it has work it may start; older entries for the
  // host become stale (generation mismatch) and are dropped when they surface.
  // Whether `h` may not start another transfer now, whatever its clock says.
  bool Blocked(const HostQueue* h) const {
    return h->queue.empty() || h->robots_in_flight || h->active >= max_per_host_ ||
           (h->unsent > 0 && h->delay > Clock::duration::zero());
  }

  void Schedule(HostQueue* h) {
    if (Blocked(h)) return;
    heap_.push(HeapEntry{h->next_start, h, ++h->heap_gen});
  }

  void StartReady() {
    Clock::time_point now = Clock::now();
    while (!heap_.empty() && static_cast<int>(active_.size()) < max_transfers_) {
      HeapEntry e = heap_.top();
      if (e.gen != e.host->heap_gen) {
        heap_.pop();
        continue;
      }
      if (e.when > now) break;
      heap_.pop();
      HostQueue* h = e.host;
      if (Blocked(h)) continue;
      if (h->next_start > now) {
        Schedule(h);
        continue;
      }
      StartHead(h, now);
      Schedule(h);
    }
  }

  // Starts the head request of `h` — or the robots.txt fetch its origin needs first — and
  // answers requests that robots.txt rules out without spending the host's delay on them.
  void StartHead(HostQueue* h, Clock::time_point now) {
    while (!h->queue.empty()) {
      Pending& p = h->queue.front();
      if (!refused_origins_.empty() && refused_origins_.count(p.origin)) {
        FetchResponse r = NewResponse(p);
        r.error = FetchError::kAddressRefused;
        r.error_message = "refused a non-public address";
        h->queue.pop_front();
        Deliver(std::move(r));
        continue;
      }
      if (opt_.obey_robots) {
        const RobotsTxt* rules = robots_.Get(p.origin, now);
        if (!rules) {
          StartRobots(h, p.origin, now);
          return;
        }
        if (!rules->IsAllowed(p.target)) {
          FetchResponse r = NewResponse(p);
          r.from_robots_disallow = true;
          r.error = rules->source() == RobotsTxt::Source::kUnreachable
                        ? FetchError::kRobotsUnavailable
                        : FetchError::kRobotsDisallowed;
          r.error_message = r.error == FetchError::kRobotsDisallowed
                                ? "disallowed by " + p.origin + "/robots.txt"
                                : "robots.txt of " + p.origin + " unavailable (5xx or unreachable)";
          if (r.error == FetchError::kRobotsUnavailable) {
            if (auto f = robots_failed_origins_.find(p.origin); f != robots_failed_origins_.end()) {
              r.error = f->second.first;
              r.error_message = f->second.second;
            }
          }
          ++stats_.robots_disallowed;
          h->queue.pop_front();
          Deliver(std::move(r));
          continue;
        }
        double delay = rules->crawl_delay().value_or(0);
        h->crawl_delay_s = std::min(delay, opt_.max_crawl_delay_s);
      }
      Pending next = std::move(h->queue.front());
      h->queue.pop_front();
      StartTransfer(h, std::move(next), now);
      return;
    }
  }

  void MarkStarted(HostQueue* h, Clock::time_point now) {
    ++h->active;
    ++h->unsent;
    double delay_s = std::max(opt_.per_host_delay_ms / 1000.0, h->crawl_delay_s);
    h->delay = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(delay_s));
    h->next_start = std::max(h->next_start, now + h->delay);
  }

  // CURLOPT_PREREQFUNCTION: the connection is up and the request is about to be sent. The
  // host's next request may start one delay from now; the host may start again.
  static int OnPrereq(void* clientp, char* /*primary_ip*/, char* /*local_ip*/,
                      int /*primary_port*/, int /*local_port*/) {
    auto* t = static_cast<Transfer*>(clientp);
    if (!t->sent) {
      t->sent = true;
      HostQueue* h = t->host;
      --h->unsent;
      h->next_start = std::max(h->next_start, Clock::now() + h->delay);
      static_cast<Engine*>(t->engine)->Schedule(h);
    }
    return CURL_PREREQFUNC_OK;
  }

  // Handles are pooled and reused without curl_easy_reset: the options every transfer shares
  // are set once when a handle is made (ConfigureHandle), and a transfer sets only what is its
  // own (the Transfer pointers, URL, redirects, request headers). Resetting and re-setting some
  // thirty options per transfer cost a measurable share of the event loop's CPU at thousands
  // of pages per second. Connections are not tied to handles: they live in the multi handle's
  // connection cache either way.
  void ConfigureHandle(CURL* e) {
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, OnOpenSocket);
    curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, &Engine::OnPrereq);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    // Offer every coding this libcurl decodes; whether it decodes is set per transfer.
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_USERAGENT, user_agent_.c_str());
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(opt_.connect_timeout_ms));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(opt_.timeout_ms));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(opt_.low_speed_bytes_per_s));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, static_cast<long>(opt_.low_speed_time_s));
    if (opt_.http2) {
      curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
      curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
    } else {
      curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1));
    }
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, opt_.verify_tls ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, opt_.verify_tls ? 2L : 0L);
    if (!opt_.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, opt_.ca_file.c_str());
  }

  Transfer* NewTransfer(HostQueue* h) {
    auto t = std::make_unique<Transfer>();
    if (!free_handles_.empty()) {
      t->easy = free_handles_.back();
      free_handles_.pop_back();
    } else {
      t->easy = curl_easy_init();
      ConfigureHandle(t->easy);
    }
    t->host = h;
    t->engine = this;
    t->accept_types = &opt_.accept_content_types;
    t->allow_private = opt_.allow_private_addresses;
    CURL* e = t->easy;
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error_buffer);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t.get());
    curl_easy_setopt(e, CURLOPT_PREREQDATA, t.get());
    // libcurl loads the list into the multi handle's DNS cache as permanent entries when a
    // transfer starts (Curl_loadhostpairs, in the first curl_multi_socket_action after the add), so
    // it is handed only to transfers added before the first perform: parsing hundreds of
    // entries again for every transfer would cost more than the transfer.
    if (resolve_ != nullptr)
      curl_easy_setopt(e, CURLOPT_RESOLVE, resolve_loaded_ ? nullptr : resolve_);
    Transfer* raw = t.get();
    active_.emplace(t->easy, std::move(t));
    return raw;
  }

  void StartRobots(HostQueue* h, const std::string& origin, Clock::time_point now) {
    Transfer* t = NewTransfer(h);
    t->is_robots = true;
    t->robots_origin = origin;
    t->body_limit = kRobotsMaxParseBytes;
    curl_easy_setopt(t->easy, CURLOPT_HTTP_CONTENT_DECODING, 1L);  // the rules must be read
    h->robots_in_flight = true;
    // RFC 9309 section 2.3.1.2: follow at least five consecutive redirects.
    curl_easy_setopt(t->easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(t->easy, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(nullptr));
    std::string url = origin + "/robots.txt";
    curl_easy_setopt(t->easy, CURLOPT_URL, url.c_str());
    ++stats_.robots_fetches;
    MarkStarted(h, now);
    curl_multi_add_handle(multi_, t->easy);
  }

  void StartTransfer(HostQueue* h, Pending p, Clock::time_point now) {
    Transfer* t = NewTransfer(h);
    t->pending = std::move(p);
    t->body_limit = opt_.max_body_bytes;
    t->decoded = opt_.decode_content;
    curl_easy_setopt(t->easy, CURLOPT_HTTP_CONTENT_DECODING, t->decoded ? 1L : 0L);
    // The engine follows page redirects itself (see FollowRedirect), one hop per transfer.
    curl_easy_setopt(t->easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(t->easy, CURLOPT_URL, t->pending.fetch_url.c_str());
    curl_easy_setopt(t->easy, CURLOPT_MAXREDIRS, -1L);
    // Conditional GET, RFC 9110 sections 13.1.2 and 13.1.3. Without validators every page
    // request sends the same headers: one shared list, built once.
    curl_slist* headers = accept_only_;
    if (!t->pending.request.etag.empty() || !t->pending.request.last_modified.empty()) {
      t->request_headers = curl_slist_append(nullptr, accept_header_.c_str());
      if (!t->pending.request.etag.empty())
        t->request_headers = curl_slist_append(
            t->request_headers, ("If-None-Match: " + t->pending.request.etag).c_str());
      if (!t->pending.request.last_modified.empty())
        t->request_headers = curl_slist_append(
            t->request_headers, ("If-Modified-Since: " + t->pending.request.last_modified).c_str());
      headers = t->request_headers;
    }
    curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, headers);
    MarkStarted(h, now);
    curl_multi_add_handle(multi_, t->easy);
  }

  void CollectFinished() {
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* easy = msg->easy_handle;
      CURLcode code = msg->data.result;
      curl_multi_remove_handle(multi_, easy);
      auto it = active_.find(easy);
      if (it == active_.end()) continue;
      std::unique_ptr<Transfer> t = std::move(it->second);
      active_.erase(it);
      Finish(t.get(), code);
      curl_slist_free_all(t->request_headers);
      t->request_headers = nullptr;
      if (free_handles_.size() < static_cast<size_t>(max_transfers_)) {
        free_handles_.push_back(easy);
      } else {
        curl_easy_cleanup(easy);
      }
    }
  }

  void Finish(Transfer* t, CURLcode code) {
    HostQueue* h = t->host;
    --h->active;
    if (!t->sent) --h->unsent;  // failed before its request went out (DNS, connect, refusal)
    Clock::time_point now = Clock::now();
    long status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    curl_off_t wire = 0;
    curl_easy_getinfo(t->easy, CURLINFO_SIZE_DOWNLOAD_T, &wire);
    long header_size = 0;
    curl_easy_getinfo(t->easy, CURLINFO_HEADER_SIZE, &header_size);
    stats_.wire_bytes += static_cast<uint64_t>(wire);
    stats_.header_bytes += static_cast<uint64_t>(header_size);

    if (t->is_robots) {
      h->robots_in_flight = false;
      int st = static_cast<int>(status);
      bool got_body = code == CURLE_OK || (code == CURLE_WRITE_ERROR && t->too_large);
      if (!got_body) st = 0;  // unreachable: section 2.3.1.4
      if (t->address_refused) {
        // The origin itself is off limits: its pages are refused for that reason, which says
        // more than "robots.txt unreachable".
        if (refused_origins_.size() > 100000) refused_origins_.clear();
        refused_origins_.insert(t->robots_origin);
      }
      // A TLS failure, an unresolved name, a refused connection or a timeout says more than
      // "robots.txt unavailable": the origin's pages report it as what it is (the TLS one with
      // the host and the certificate problem), so that the fix can be named.
      const FetchError robots_error = got_body ? FetchError::kNone : Classify(code, *t);
      const char* detail = t->error_buffer[0] ? t->error_buffer : curl_easy_strerror(code);
      if (robots_error == FetchError::kTls || robots_error == FetchError::kDns ||
          robots_error == FetchError::kConnect || robots_error == FetchError::kTimeout) {
        if (robots_failed_origins_.size() > 100000) robots_failed_origins_.clear();
        robots_failed_origins_[t->robots_origin] = {
            robots_error, robots_error == FetchError::kTls
                              ? TlsMessage(code, t->robots_origin + "/", detail)
                              : "robots.txt of " + t->robots_origin + ": " + detail};
      } else {
        robots_failed_origins_.erase(t->robots_origin);
      }
      RobotsTxt rules = RobotsTxt::FromFetch(st, t->body, robots_token_);
      int ttl = rules.source() == RobotsTxt::Source::kUnreachable ? opt_.robots_error_ttl_s
                                                                  : opt_.robots_ttl_s;
      robots_.Put(t->robots_origin, std::move(rules), now + std::chrono::seconds(ttl));
      Schedule(h);
      return;
    }

    Pending& p = t->pending;
    ++p.attempts;
    ++stats_.attempts;
    p.wire_bytes += static_cast<uint64_t>(wire);
    p.header_bytes += static_cast<uint64_t>(header_size);

    FetchError error = FetchError::kNone;
    if (code != CURLE_OK) error = Classify(code, *t);
    std::string redirect_error;
    if (error == FetchError::kNone &&
        (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)) {
      const std::string* location = FindHeader(t->headers, "location");
      if (location && !location->empty()) {
        if (p.redirects >= opt_.max_redirects) {
          error = FetchError::kTooManyRedirects;
          redirect_error = "more than " + std::to_string(opt_.max_redirects) + " redirects";
        } else if (FollowRedirect(h, &p, *location, &redirect_error)) {
          return;
        } else {
          error = FetchError::kInvalidUrl;
        }
      }
    }
    bool retryable = false;
    std::optional<double> retry_after;
    if (error == FetchError::kNone) {
      if (status == 429 || status == 503) {
        const std::string* ra = FindHeader(t->headers, "retry-after");
        if (ra) retry_after = ParseRetryAfter(*ra);
      }
      retryable = status == 429 || (status >= 500 && status < 600 && status != 501);
    } else {
      retryable = error == FetchError::kTimeout || error == FetchError::kConnect ||
                  error == FetchError::kNetwork;
    }

    if (retry_after && *retry_after <= opt_.max_retry_after_s) {
      // The server said when to come back; that holds for every request to this host.
      auto until = now + std::chrono::duration_cast<Clock::duration>(
                             std::chrono::duration<double>(*retry_after));
      h->next_start = std::max(h->next_start, until);
    }
    if (retryable) {
      ++h->failures;
      if (!retry_after) h->next_start = std::max(h->next_start, now + Backoff(h->failures));
    } else {
      h->failures = 0;
    }
    bool too_long_a_wait = retry_after && *retry_after > opt_.max_retry_after_s;
    if (retryable && !too_long_a_wait && p.attempts <= opt_.max_retries && !f_->stop_.load()) {
      ++stats_.retries;
      h->queue.push_front(std::move(p));
      Schedule(h);
      return;
    }

    FetchResponse r = NewResponse(p);
    r.error = error;
    r.curl_code = static_cast<int>(code);
    r.status = static_cast<int>(status);
    if (error != FetchError::kNone) {
      r.error_message = t->error_buffer[0] ? t->error_buffer : curl_easy_strerror(code);
      if (!redirect_error.empty()) r.error_message = redirect_error;
      if (error == FetchError::kAddressRefused) r.error_message = "refused a non-public address";
      if (error == FetchError::kTls) r.error_message = TlsMessage(code, p.fetch_url, r.error_message.c_str());
      if (error == FetchError::kContentTypeRejected)
        r.error_message = "content type not accepted: " +
                          std::string(FindHeader(t->headers, "content-type")
                                          ? *FindHeader(t->headers, "content-type")
                                          : "");
      if (error == FetchError::kBodyTooLarge)
        r.error_message = "body larger than " + std::to_string(opt_.max_body_bytes) + " bytes";
    }
    char* eff = nullptr;
    curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &eff);
    if (eff) r.final_url = eff;
    char* ip = nullptr;
    curl_easy_getinfo(t->easy, CURLINFO_PRIMARY_IP, &ip);
    if (ip) r.ip = ip;
    long version = 0;
    curl_easy_getinfo(t->easy, CURLINFO_HTTP_VERSION, &version);
    r.http_version = version == CURL_HTTP_VERSION_2_0   ? "2"
                     : version == CURL_HTTP_VERSION_1_0 ? "1.0"
                     : version == CURL_HTTP_VERSION_1_1 ? "1.1"
                     : version == CURL_HTTP_VERSION_3   ? "3"
                                                        : "";
    curl_off_t us = 0;
    curl_easy_getinfo(t->easy, CURLINFO_CONNECT_TIME_T, &us);
    r.connect_s = us / 1e6;
    curl_easy_getinfo(t->easy, CURLINFO_STARTTRANSFER_TIME_T, &us);
    r.first_byte_s = us / 1e6;
    curl_easy_getinfo(t->easy, CURLINFO_TOTAL_TIME_T, &us);
    r.total_s = us / 1e6;
    r.headers = std::move(t->headers);
    if (const std::string* ct = FindHeader(r.headers, "content-type")) r.content_type = *ct;
    r.body = std::move(t->body);
    r.truncated = t->too_large;
    r.not_modified = status == 304 && error == FetchError::kNone;
    Deliver(std::move(r));
    Schedule(h);
  }

  // Page redirects are followed here rather than by libcurl so that each hop is a request of
  // its own to its own host: the target's queue (delay, concurrency, backoff) and its origin's
  // robots.txt apply to it, and a redirect into a disallowed path is never requested. The hop
  // goes to the front of the target's queue so a started request finishes before new ones.
  // Returns false (and *error) when the Location cannot be followed.
  bool FollowRedirect(HostQueue* from, Pending* p, const std::string& location,
                      std::string* error) {
    Result<Url> target = ParseUrl(location, p->fetch_url);
    if (!target.ok()) {
      *error = "redirect to \"" + location.substr(0, 200) + "\": " + target.status().message();
      return false;
    }
    from->failures = 0;
    Pending next = std::move(*p);
    ++next.redirects;
    next.fetch_url = target->spec;
    next.origin = target->Origin();
    next.target = target->PathAndQuery();
    HostQueue* to = HostFor(target->host);
    to->queue.push_front(std::move(next));
    Schedule(to);
    if (to != from) Schedule(from);
    return true;
  }

  FetchError Classify(CURLcode code, const Transfer& t) {
    if (t.address_refused) return FetchError::kAddressRefused;
    switch (code) {
      case CURLE_WRITE_ERROR:
        if (t.type_rejected) return FetchError::kContentTypeRejected;
        if (t.too_large) return FetchError::kBodyTooLarge;
        return FetchError::kNetwork;
      case CURLE_FILESIZE_EXCEEDED:
        return FetchError::kBodyTooLarge;
      case CURLE_TOO_MANY_REDIRECTS:
        return FetchError::kTooManyRedirects;
      case CURLE_OPERATION_TIMEDOUT:
        return FetchError::kTimeout;
      case CURLE_COULDNT_RESOLVE_HOST:
        return FetchError::kDns;
      case CURLE_COULDNT_CONNECT:
        return FetchError::kConnect;
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CIPHER:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_ISSUER_ERROR:
      case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      case CURLE_SSL_INVALIDCERTSTATUS:
        return FetchError::kTls;
      case CURLE_UNSUPPORTED_PROTOCOL:
      case CURLE_URL_MALFORMAT:
        return FetchError::kInvalidUrl;
      default:
        return FetchError::kNetwork;
    }
  }

  // Exponential backoff with "equal jitter": half the step is fixed, half random, so hosts
  // that failed together do not come back together.
  Clock::duration Backoff(int failures) {
    double ms = opt_.backoff_base_ms * std::pow(2.0, std::min(failures - 1, 30));
    ms = std::min(ms, static_cast<double>(opt_.backoff_max_ms));
    std::uniform_real_distribution<double> half(0.0, ms / 2);
    ms = ms / 2 + half(rng_);
    return std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double, std::milli>(ms));
  }

  FetchResponse NewResponse(const Pending& p) {
    FetchResponse r;
    r.id = p.request.id;
    r.url = p.request.url;
    r.final_url = p.fetch_url.empty() ? p.request.url : p.fetch_url;
    r.attempts = p.attempts;
    r.redirects = p.redirects;
    r.wire_bytes = p.wire_bytes;
    r.header_bytes = p.header_bytes;
    r.queued_s = std::chrono::duration<double>(Clock::now() - p.taken).count();
    return r;
  }

  void Deliver(FetchResponse&& r) {
    --queued_;
    ++stats_.responses;
    if (r.error == FetchError::kNone) {
      ++stats_.by_status[r.status];
      if (r.not_modified) ++stats_.not_modified;
    } else {
      ++stats_.by_error[FetchErrorName(r.error)];
    }
    stats_.body_bytes += r.body.size();
    sink_(std::move(r));
  }

  // Forgets hosts with nothing queued, nothing in flight and no pending delay, so a crawl over
  // millions of hosts does not keep them all. Rebuilds the heap, which drops its stale entries.
  void SweepIdleHosts(Clock::time_point now) {
    heap_ = decltype(heap_)();
    for (auto it = hosts_.begin(); it != hosts_.end();) {
      HostQueue* h = it->second.get();
      bool idle = h->queue.empty() && h->active == 0 && !h->robots_in_flight &&
                  h->next_start <= now && h != parked_host_;
      if (idle) {
        it = hosts_.erase(it);
      } else {
        Schedule(h);
        ++it;
      }
    }
  }

  Fetcher* f_;
  const FetchOptions& opt_;
  FetchStats& stats_;
  const Source& source_;
  const Sink& sink_;
  std::mt19937_64 rng_;
  std::string user_agent_, robots_token_, accept_header_;
  curl_slist* resolve_ = nullptr;      // FetchOptions::resolve, for CURLOPT_RESOLVE
  bool resolve_loaded_ = false;        // resolve_ is in the multi handle's DNS cache
  curl_slist* accept_only_ = nullptr;  // the request headers of a page without validators
  int max_transfers_ = 1, max_per_host_ = 1;
  CURLM* multi_ = nullptr;
  int epoll_fd_ = -1;  // the sockets libcurl asked to watch, and wake_fd_
  int wake_fd_ = -1;   // eventfd: RequestStop() from another thread ends a wait
  std::unordered_map<std::string, std::unique_ptr<HostQueue>> hosts_;
  std::priority_queue<HeapEntry, std::vector<HeapEntry>, std::greater<HeapEntry>> heap_;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> active_;
  std::vector<CURL*> free_handles_;
  RobotsCache& robots_;
  std::unordered_set<std::string> refused_origins_;  // robots.txt fetch hit a non-public address
  // Origins whose robots.txt request failed in TLS, DNS, connecting or by a timeout -> the
  // failure (kind, message), for their pages.
  std::unordered_map<std::string, std::pair<FetchError, std::string>> robots_failed_origins_;
  size_t queued_ = 0;                                // taken from the source, not yet delivered
  bool source_done_ = false;
  std::optional<Pending> parked_;
  HostQueue* parked_host_ = nullptr;
};

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)) {}
Fetcher::~Fetcher() = default;

Status Fetcher::Run(const Source& source, const Sink& sink) {
  stats_ = FetchStats();
  stop_.store(false);
  Engine engine(this, source, sink);
  return engine.Run();
}

Result<std::vector<FetchResponse>> Fetcher::FetchAll(const std::vector<FetchRequest>& requests) {
  std::vector<FetchResponse> out;
  size_t next = 0;
  Status s = Run(
      [&](FetchRequest* r) {
        if (next >= requests.size()) return false;
        *r = requests[next++];
        return true;
      },
      [&](FetchResponse&& r) { out.push_back(std::move(r)); });
  if (!s.ok()) return s;
  return out;
}

void Fetcher::RequestStop() {
  stop_.store(true);
  std::lock_guard<std::mutex> lock(wake_mu_);
  if (wake_fd_ >= 0) {
    const uint64_t one = 1;
    (void)!write(wake_fd_, &one, sizeof(one));
  }
}

}  // namespace qingxi::fetch
