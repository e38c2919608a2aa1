// qingxi/fetch/fetcher.h — the fetch engine: many HTTP transfers on one thread, politely.
//
// Owns: turning a lazy stream of FetchRequests into a stream of FetchResponses with the libcurl
// multi interface (one thread, hundreds of transfers, connection reuse, HTTP/2 multiplexing when
// offered, gzip/br/zstd), and every politeness and safety rule on the way: robots.txt
// per origin (fetched first and cached), a minimum delay between request starts and a
// concurrency limit per host, Crawl-delay up to a cap, Retry-After on 429/503, exponential
// backoff with jitter per host, bounded retries and redirects, connect/total/low-speed
// timeouts, a maximum body size, a content-type filter checked before the body is read, only
// http/https, and no connections to loopback/private/link-local addresses unless allowed.
// It knows bytes and HTTP headers, never HTML.
//
// Memory is bounded: at most `max_transfers` transfers in flight plus `max_queued` requests
// waiting (of which at most `max_queued_per_host` for one host); the source is asked for the
// next request only when there is room.
//
// Thread-safety: a Fetcher runs on the thread that calls Run(); the source and the sink are
// called on that thread. RequestStop() may be called from any thread, including the sink (it
// takes a mutex, so it is not async-signal-safe). One Run() at a time per Fetcher.
#ifndef QINGXI_FETCH_FETCHER_H_
#define QINGXI_FETCH_FETCHER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "qingxi/fetch/robots.h"
#include "qingxi/status.h"

namespace qingxi::fetch {

struct FetchOptions {
  // --- identity ---
  // Sent as User-Agent, followed by " (+contact)" when `contact` is set. The product token
  // used to pick the robots.txt group is the part before the first '/' ("qingxi").
  std::string user_agent = "qingxi/0.1";
  std::string contact;       // a URL or mailto: where site owners can reach the operator
  std::string robots_token;  // overrides the product token derived from user_agent

  // --- concurrency and memory ---
  int max_transfers = 100;    // transfers in flight over all hosts
  int max_per_host = 2;       // transfers in flight to one host
  size_t max_queued = 10000;  // requests taken from the source and not yet finished
  size_t max_queued_per_host = 1000;

  // --- politeness ---
  int per_host_delay_ms = 1000;   // minimum gap between request starts to one host
  bool obey_robots = true;        // fetch robots.txt first per origin and honour it
  double max_crawl_delay_s = 30;  // Crawl-delay above this is treated as this
  int robots_ttl_s = 24 * 3600;   // RFC 9309 section 2.4: SHOULD NOT cache longer than 24 h
  int robots_error_ttl_s = 600;   // how long a 5xx/unreachable robots.txt blocks an origin
  int max_retries = 3;            // further attempts after a 429/5xx/network failure
  int backoff_base_ms = 2000;     // first backoff after a failure; doubles per failure
  int backoff_max_ms = 300000;    // cap of the exponential backoff
  int max_retry_after_s = 600;    // a longer Retry-After is not waited for: the answer stands

  // --- transfer limits ---
  int connect_timeout_ms = 10000;
  int timeout_ms = 60000;            // whole transfer, redirects included
  int low_speed_bytes_per_s = 1000;  // abort when slower than this ...
  int low_speed_time_s = 20;         // ... for this long
  int max_redirects = 5;
  size_t max_body_bytes = 8u << 20;  // body as delivered; larger bodies are cut and flagged
  // Remove the Content-Encoding (gzip, br, zstd, deflate: every coding this libcurl decodes,
  // all offered in Accept-Encoding either way) from page bodies. false delivers the body as
  // the server sent it, still coded (the Content-Encoding header says how), which is what a
  // WARC archive stores: no inflating now and no deflating of the inflated bytes later.
  // max_body_bytes then bounds the coded bytes, and whoever decodes them bounds the output
  // (WarcReader does). robots.txt is always decoded.
  bool decode_content = true;
  // Content-Type prefixes accepted for 2xx responses (compared case-insensitively with the
  // media type); empty accepts everything. A response without Content-Type is accepted.
  std::vector<std::string> accept_content_types = {"text/html", "application/xhtml+xml",
                                                   "text/plain"};
  bool http2 = true;  // offer HTTP/2 (ALPN) and wait to multiplex (PIPEWAIT)
  // Allow connections to loopback, private, link-local and other non-public addresses.
  // Off by default so a crawl cannot be steered at internal services; tests turn it on.
  bool allow_private_addresses = false;
  bool verify_tls = true;
  // PEM file of the certificate authorities to trust instead of the system's (curl's --cacert;
  // CURLOPT_CAINFO). "" uses the system store.
  std::string ca_file;
  // Fixed name-to-address mappings, "HOST:PORT:ADDRESS[,ADDRESS...]" as curl's --resolve
  // (CURLOPT_RESOLVE): connections to HOST:PORT go to ADDRESS without asking DNS, while the
  // URL, Host header, TLS name and politeness key stay HOST's. The address check above still
  // applies to ADDRESS. For test sites and benchmarks that serve many host names on one machine.
  std::vector<std::string> resolve;

  // Politeness group of a host (delay, concurrency, backoff). Default: the host itself. The
  // crawl may pass SiteKeyOfHost to treat all hosts of one registrable domain as one.
  std::function<std::string(std::string_view host)> politeness_key;
  // Random source for backoff jitter (tests pin it); default seeds from the clock.
  uint64_t jitter_seed = 0;
};

struct FetchRequest {
  std::string url;            // absolute http(s) URL, preferably normalised (url.h)
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
  uint64_t id = 0;            // caller's handle, returned in the response
};

enum class FetchError {
  kNone = 0,
  kInvalidUrl,           // does not parse, or not http/https
  kRobotsDisallowed,     // robots.txt disallows it: never requested
  kRobotsUnavailable,    // robots.txt answered 5xx/429 or was unreachable: not requested
  kAddressRefused,       // resolved to a loopback/private/link-local address
  kContentTypeRejected,  // 2xx with a Content-Type outside accept_content_types (body not read)
  kBodyTooLarge,         // body over max_body_bytes (body holds the first max_body_bytes)
  kTooManyRedirects,
  // kTimeout, kDns, kConnect and kTls are also the error of every page of an origin whose
  // robots.txt request failed so (the message then names robots.txt), not kRobotsUnavailable.
  kTimeout,  // connect, total or low-speed timeout
  kDns,      // host name did not resolve
  kConnect,  // connection refused or failed
  kTls,      // TLS handshake or certificate verification failed (the message says which, for
             // which host)
  kNetwork,  // reset, HTTP/2 framing, empty reply and other transfer errors
  kStopped,  // Run() was stopped before the request finished (not delivered)
};
const char* FetchErrorName(FetchError e);

struct FetchResponse {
  uint64_t id = 0;
  std::string url;        // as requested
  std::string final_url;  // after redirects
  int status = 0;         // HTTP status of the final response; 0 when there was none
  std::vector<std::pair<std::string, std::string>> headers;  // final response, in order
  std::string body;          // de-chunked; Content-Encoding removed unless !decode_content
  std::string content_type;  // Content-Type header value, "" when absent
  std::string ip;            // address of the server that answered
  std::string http_version;  // "1.1", "2"
  FetchError error = FetchError::kNone;
  int curl_code = 0;  // CURLcode of the last attempt (0 = CURLE_OK)
  std::string error_message;
  bool from_robots_disallow = false;  // not requested because robots.txt disallows it
  bool not_modified = false;          // 304 to a conditional request
  bool truncated = false;             // body cut at max_body_bytes
  int attempts = 0;                   // HTTP attempts made (0 when never requested)
  int redirects = 0;
  // Timings of the last attempt, seconds from its start.
  double connect_s = 0, first_byte_s = 0, total_s = 0;
  double queued_s = 0;        // from leaving the source to the final answer
  uint64_t wire_bytes = 0;    // body bytes received (before decoding), all attempts
  uint64_t header_bytes = 0;  // response header bytes, all attempts

  bool ok() const { return error == FetchError::kNone; }
  // The first header named `name` (case-insensitive), or "" .
  std::string Header(std::string_view name) const;
};

struct FetchStats {
  uint64_t requests = 0;   // taken from the source
  uint64_t responses = 0;  // delivered to the sink
  uint64_t attempts = 0;   // HTTP attempts for page requests (retries included)
  uint64_t retries = 0;
  uint64_t robots_fetches = 0;
  uint64_t robots_disallowed = 0;
  uint64_t not_modified = 0;
  uint64_t wire_bytes = 0;  // body bytes on the wire, robots.txt included
  uint64_t header_bytes = 0;
  uint64_t body_bytes = 0;  // decoded bytes delivered
  double elapsed_s = 0;
  std::map<int, uint64_t> by_status;         // final HTTP status -> responses
  std::map<std::string, uint64_t> by_error;  // FetchErrorName -> responses
  bool stopped = false;
};

// The headers of a page request without validators, as the engine sends them and in its
// order after Host: User-Agent (with the contact), Accept-Encoding (every coding the installed
// libcurl decodes), Accept (accept_content_types first). For archives that record requests.
std::vector<std::pair<std::string, std::string>> PageRequestHeaders(const FetchOptions& options);

class Fetcher {
 public:
  // Fills *request and returns true, or returns false when there are no more requests.
  using Source = std::function<bool(FetchRequest* request)>;
  using Sink = std::function<void(FetchResponse&& response)>;

  explicit Fetcher(FetchOptions options = {});
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Fetches every request the source yields, delivering each outcome (success, HTTP error,
  // refusal) to the sink exactly once, then returns. A non-OK Status means the engine itself
  // failed (libcurl could not be initialised); per-URL failures are responses.
  Status Run(const Source& source, const Sink& sink);
  // Convenience: fetch a fixed list, responses in completion order.
  Result<std::vector<FetchResponse>> FetchAll(const std::vector<FetchRequest>& requests);

  // Makes Run() return soon: in-flight transfers are abandoned and queued requests are not
  // delivered. Safe from any thread.
  void RequestStop();

  // Statistics of the last (or current) Run().
  const FetchStats& stats() const { return stats_; }
  // robots.txt rules fetched so far, per origin; kept across Run() calls until they expire.
  const RobotsCache& robots_cache() const { return robots_; }
  const FetchOptions& options() const { return options_; }

 private:
  class Engine;
  FetchOptions options_;
  FetchStats stats_;
  RobotsCache robots_;
  std::atomic<bool> stop_{false};
  std::mutex wake_mu_;  // guards wake_fd_ against Run() ending while another thread wakes it
  int wake_fd_ = -1;    // the running engine's eventfd, for RequestStop()
};

}  // namespace qingxi::fetch

#endif  // QINGXI_FETCH_FETCHER_H_
