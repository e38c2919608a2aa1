// `qingxi crawl` — fetch and clean in one streaming run, with the crawl state in a database.
//
// Three kinds of threads, joined by two bounded queues:
//   fetcher (this thread)  Fetcher::Run; its source claims due URLs from the CrawlStore in
//                          batches (ClaimDue leases them), its sink hands 2xx bodies to the
//                          cleaners and every other outcome straight to the writer;
//   cleaners (--threads)   Pipeline::Process (the one cleaning engine), the content hash of the
//                          cleaned text, and with --follow the page's links (qingxi/links.h);
//   writer                 the exactly-once protocol of qingxi/fetch/crawl_store.h, in batches:
//                          skip documents IsWritten already, append the new lines and fsync the
//                          corpus, MarkWritten, RecordResults, AddUrls for discovered links.
// Each of the fetcher and the writer has its own CrawlStore connection (SQLite WAL: readers do
// not block the writer). At start the crawl reconciles the corpus with the database
// (ReconcileCorpus) and releases the leases of a crawl that was killed, so a run started after
// kill -9 continues where the last one stopped and writes no document twice.
//
// Following links happens in rounds: a round ends when the fetcher has nothing due; when the
// pages of that round added URLs, another round starts. Between rounds the crawl waits out each
// host's delay (per-host delay, Crawl-delay, Retry-After) counted from its last answer, because
// the fetcher's per-host timers live only as long as one Run.
//
// A shared frontier (PostgreSQL, crawl_store_pg.h) changes two things:
//  * "Nothing due for me" is not the end: other crawlers hold URLs in flight whose pages may
//    add links, and the URLs of a crawler that died come due when its lease runs out. With
//    --linger (30 s by default on PostgreSQL) a crawler that claims nothing keeps polling
//    while the frontier still has URLs due or in flight anywhere, and stops when it has none,
//    or when nothing has changed for the linger time (FrontierWait in crawl_common.h).
//  * Politeness across crawlers rests on the host-bucket leases, which only ClaimDue renews.
//    So the crawl calls ClaimDue at least every quarter lease while it fetches — also from the
//    sink, which runs after every response, since the source is not asked while the fetcher's
//    queue is full or draining. A lease that ran out under a live crawler would let another
//    crawler take its hosts while it still sends requests to them.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <deque>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <CLI/CLI.hpp>
#include <re2/re2.h>

#include "commands.h"
#include "rule_options.h"
#include "crawl_common.h"
#include "crawl_sitemap.h"
#include "crawl_status.h"
#include "doc_source.h"
#include "preflight.h"
#include "progress.h"
#include "qingxi/fetch/crawl_store.h"
#include "qingxi/fetch/fetcher.h"
#include "qingxi/fetch/url.h"
#include "qingxi/fetch/warc.h"
#include "qingxi/hash.h"
#include "qingxi/links.h"
#include "qingxi/pipeline.h"
#include "qingxi/record.h"
#include "qingxi/rule_file.h"
#include "qingxi/rule_sources.h"

namespace qingxi::cli {
namespace {

using SteadyClock = std::chrono::steady_clock;

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The content hash of a cleaned text (crawl_store.h): 64-bit FNV-1a as 16 hex digits.
std::string Hash64(std::string_view data) { return Fnv1a64Hex(data); }

// A fetched 2xx page on its way to a cleaner.
struct CleanJob {
  fetch::DueUrl due;
  fetch::FetchResponse response;
  int64_t fetched_at = 0;  // Unix seconds, when the response arrived
};

// One outcome on its way to the writer.
struct Outcome {
  fetch::FetchReport report;
  bool document = false;  // a new or changed text: write `line` unless already written
  std::string line;       // the JSON line of the record
  std::string doc_id;
  std::vector<std::string> flags;  // of the record in `line`
  bool no_text = false;  // the page gave no text: an error record, or a page without main text
                         // (a listing of headlines, an empty page)
  std::vector<fetch::NewUrl> links;
};

// Which URLs a crawl may add: the allowed sites, --include / --exclude, address safety.
class UrlFilter {
 public:
  Status Init(const std::vector<std::string>& include, const std::vector<std::string>& exclude,
              bool allow_private) {
    allow_private_ = allow_private;
    RE2::Options o;
    o.set_log_errors(false);
    for (const auto& p : include) {
      auto re = std::make_unique<RE2>(p, o);
      if (!re->ok()) return Status::InvalidArgument("--include '" + p + "': " + re->error());
      include_.push_back(std::move(re));
    }
    for (const auto& p : exclude) {
      auto re = std::make_unique<RE2>(p, o);
      if (!re->ok()) return Status::InvalidArgument("--exclude '" + p + "': " + re->error());
      exclude_.push_back(std::move(re));
    }
    return Status::Ok();
  }
  void AllowSite(const std::string& site) {
    std::lock_guard<std::mutex> lock(mu_);
    sites_.insert(site);
  }
  // `url` normalised. True when a followed link or sitemap entry may be crawled.
  bool Allowed(const fetch::Url& url) const {
    if (!allow_private_ && fetch::IsLoopbackOrPrivateHost(url.host)) return false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!sites_.count(fetch::SiteKeyOfHost(url.host))) return false;
    }
    if (!include_.empty()) {
      bool any = false;
      for (const auto& re : include_) any = any || RE2::PartialMatch(url.spec, *re);
      if (!any) return false;
    }
    for (const auto& re : exclude_)
      if (RE2::PartialMatch(url.spec, *re)) return false;
    return true;
  }

 private:
  mutable std::mutex mu_;
  std::set<std::string> sites_;
  std::vector<std::unique_ptr<RE2>> include_, exclude_;
  bool allow_private_ = false;
};

fetch::FetchOutcome OutcomeOf(const fetch::FetchResponse& r) {
  if (r.error == fetch::FetchError::kRobotsDisallowed) return fetch::FetchOutcome::kDisallowed;
  if (r.error == fetch::FetchError::kContentTypeRejected || r.error == fetch::FetchError::kInvalidUrl)
    return fetch::FetchOutcome::kGone;  // not a page we can use; looked at again rarely
  // Refused by this run's options, not by the site: a run with --allow-private fetches it.
  if (r.error == fetch::FetchError::kAddressRefused) return fetch::FetchOutcome::kRefused;
  if (r.error != fetch::FetchError::kNone && r.error != fetch::FetchError::kBodyTooLarge)
    return fetch::FetchOutcome::kError;
  if (r.not_modified || r.status == 304) return fetch::FetchOutcome::kNotModified;
  if (r.status >= 200 && r.status <= 299) return fetch::FetchOutcome::kFetched;
  if (r.status == 429 || r.status >= 500 || r.status == 0) return fetch::FetchOutcome::kError;
  return fetch::FetchOutcome::kGone;  // 404, 410 and other client errors
}

// Reads a corpus line back for ReconcileCorpus: the record's url and the hash of its text.
bool ParseCorpusLine(std::string_view line, fetch::OutputMark* mark) {
  auto rec = FromJsonLine(std::string(line));
  if (!rec.ok() || rec->is_error() || rec->url.empty()) return false;
  mark->doc_id = rec->id;
  mark->url = rec->url;
  mark->content_hash = Hash64(rec->text);
  return true;
}

// How the messages name a fix option of FixOptionValues.
std::string FixOptionFlag(const std::string& option) {
  if (option == "robots") return "--no-robots";
  if (option == "timeout") return "--timeout / --connect-timeout";
  return "--" + option;
}

// The scope links are followed under (crawl_store.h, "Links"): what decides which links of a
// page are kept, less the seed sites and the depth (a deeper crawl reaches new pages, whose
// scope is empty, by itself).
std::string LinksScope(const std::vector<std::string>& include,
                       const std::vector<std::string>& exclude, bool allow_private) {
  std::string key = "include";
  for (const std::string& p : include) key += '\x1f' + p;
  key += "\x1e" "exclude";
  for (const std::string& p : exclude) key += '\x1f' + p;
  key += allow_private ? "\x1e" "private" : "\x1e" "public";
  return "f1:" + Hash64(key);
}

std::string RecrawlText(int64_t n, const std::string& pattern) {
  const fetch::UrlPattern p = fetch::UrlPattern::Parse(pattern);
  std::string which = p.kind == fetch::UrlPattern::Kind::kAll ? "URLs"
                      : p.kind == fetch::UrlPattern::Kind::kGlob
                          ? "URLs matching the glob '" + pattern + "'"
                          : "URLs containing '" + pattern + "'";
  return std::to_string(n) + " " + which + " made due now (URLs already due or in flight are " +
         "left as they are)";
}

// --status and --recrawl-now without -o: the database alone, nothing fetched.
int CrawlDbOnly(const std::string& db, bool show_status, bool json, bool recrawl_now,
                const std::string& pattern, bool quiet) {
  // Looking at a database that does not exist would create an empty one.
  if (const std::string path = SqliteDbPath(db); !path.empty() && access(path.c_str(), F_OK) != 0) {
    std::fprintf(stderr, "qingxi crawl: no crawl database at %s (check --db)\n", path.c_str());
    return kExitUsage;
  }
  auto store_or = fetch::CrawlStore::Open(db);
  if (!store_or.ok()) {
    std::fprintf(stderr, "qingxi crawl: %s: %s\n", db.c_str(), store_or.status().message().c_str());
    return store_or.status().code() == Status::Code::kUnavailable ? kExitRetryable : kExitFatal;
  }
  fetch::CrawlStore& store = **store_or;
  const int64_t now = NowSeconds();
  if (recrawl_now) {
    auto made = store.MakeDue(fetch::UrlPattern::Parse(pattern), now);
    if (!made.ok()) {
      std::fprintf(stderr, "qingxi crawl: %s: %s\n", db.c_str(), made.status().message().c_str());
      return made.status().code() == Status::Code::kUnavailable ? kExitRetryable : kExitFatal;
    }
    if (!quiet)
      std::fprintf(stderr, "qingxi crawl: --recrawl-now: %s; run with --due to fetch them\n",
                   RecrawlText(*made, pattern).c_str());
  }
  if (!show_status) return kExitOk;
  auto report = store.Report(now, 10);
  if (!report.ok()) {
    std::fprintf(stderr, "qingxi crawl: %s: %s\n", db.c_str(), report.status().message().c_str());
    return report.status().code() == Status::Code::kUnavailable ? kExitRetryable : kExitFatal;
  }
  const std::string out = json ? CrawlReportJson(*report, db, store.schema_version(), now) + "\n"
                               : CrawlReportText(*report, db, store.schema_version(), now);
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace

int RunCrawl(int argc, char** argv) {
  CLI::App app{"Fetch and clean in one streaming run; the crawl state (per URL: status, "
               "validators, content hash, schedule) lives in a database for re-crawls.",
               "qingxi crawl"};
  std::vector<std::string> inputs, url_args, include, exclude, sitemaps;
  std::string db, output, rules_dir, recrawl_pattern;
  bool due_only = false, follow = false, robots_sitemaps = false, no_convert = false;
  bool show_status = false, status_json = false;
  int threads = DefaultThreads(), max_depth = 2, batch = 256;
  int64_t max_pages = 0, min_interval = -1, max_interval = -1, lease = -1;
  double linger = -1;
  int full_every = -1;
  NetOptions net;
  app.add_option("URL", url_args, "seed URLs (with or instead of -i)");
  app.add_option("-i,--input", inputs, "file of seed URLs, one per line; may be repeated");
  app.add_option("--db", db, "crawl database: a file path or sqlite://PATH (SQLite, WAL mode: the "
                 "crawlers of one machine), or postgresql://USER@HOST[:PORT]/DB (PostgreSQL: one "
                 "frontier shared by crawlers on many machines, each with its own -o)")->required();
  app.add_option("-o,--output", output, "JSONL corpus, appended: one record per new or changed "
                 "document, each written exactly once across runs (required to fetch)");
  app.add_flag("--status", show_status, "print the crawl database's state — URLs by state, next "
               "due times, sites, failures by kind with an example and its cause — and exit "
               "without fetching (no -o needed)");
  app.add_flag("--json", status_json, "with --status: one JSON object instead of text");
  app.add_option("--recrawl-now", recrawl_pattern, "make the URLs matching PATTERN due now (all "
                 "when no PATTERN): a PATTERN with * or ? is a glob over the whole URL, otherwise a "
                 "substring; says how many. Without -o nothing is fetched (a later --due run "
                 "fetches them); with -o this run fetches them")
      ->expected(0, 1);
  app.add_flag("--due", due_only, "re-crawl: fetch only the URLs whose next due time has come, "
               "conditionally (If-None-Match / If-Modified-Since)");
  app.add_flag("--follow", follow, "follow links found on the pages, within the seed sites; "
               "a page an earlier run fetched without following its links under these options "
               "(--include, --exclude, a larger --max-depth) is fetched again for them");
  app.add_option("--max-depth", max_depth, "link depth from the seeds for --follow")
      ->capture_default_str()->check(CLI::Range(0, 100));
  app.add_option("--max-pages", max_pages, "fetch at most this many pages in this run (0: no limit)")
      ->capture_default_str();
  app.add_option("--include", include, "only follow URLs matching this RE2 pattern (repeatable)");
  app.add_option("--exclude", exclude, "never follow URLs matching this RE2 pattern (repeatable)");
  app.add_option("--sitemap", sitemaps, "read this sitemap (or sitemap index; .xml or .xml.gz) "
                 "and add its URLs (repeatable)");
  app.add_flag("--sitemaps", robots_sitemaps, "also read the sitemaps named by the seed hosts' "
               "robots.txt");
  app.add_option("--min-interval", min_interval, "shortest re-crawl interval, seconds (default 3600)");
  app.add_option("--max-interval", max_interval, "longest re-crawl interval, seconds (default 30 days)");
  app.add_option("--full-every", full_every, "every Nth re-crawl is a full fetch without validators "
                 "(0: never; default 10)");
  app.add_option("--threads", threads, "cleaning threads (default: all cores)")->check(CLI::Range(1, 1024));
  app.add_option("--rules", rules_dir, "rules directory (default: " + DefaultRulesDir() + ")");
  std::vector<std::string> extra_rules;
  AddExtraRulesOption(&app, &extra_rules);
  app.add_flag("--no-convert", no_convert, "keep the original script (no traditional -> simplified)");
  app.add_option("--claim-batch", batch, "URLs claimed from the database at a time")
      ->capture_default_str()->check(CLI::Range(1, 100000));
  app.add_option("--lease", lease, "seconds a claimed URL (and on PostgreSQL a host bucket) stays "
                 "with this crawler; a crawler that dies leaves its work to others after this "
                 "(default 600)")->check(CLI::Range(int64_t{2}, int64_t{86400}));
  app.add_option("--linger", linger, "when nothing is due for this crawler but URLs are due or in "
                 "flight with other crawlers, keep polling while the frontier changes, and stop "
                 "after this many seconds without a change (default: 30 for postgresql://, 0 for "
                 "SQLite)")->check(CLI::Range(0.0, 86400.0));
  AddNetOptions(&app, &net);
  app.footer(
      "Exit status: 0 every URL fetched was fetched fine; 3 finished, but some URLs failed (they\n"
      "are retried with backoff by later runs); 2 bad usage or rule file; 1 fatal (database or\n"
      "corpus not writable); 75 the database is busy (another crawl) or the run was stopped by\n"
      "SIGINT/SIGTERM: run again later to continue.\n"
      "A crawl killed at any moment resumes when started again: no page lost, none written twice.\n"
      "\n"
      "Examples:\n"
      "  qingxi crawl -i seeds.txt --db crawl.sqlite -o corpus.jsonl --follow --max-depth 3\n"
      "  qingxi crawl --db crawl.sqlite --due -o changes-$(date +%F).jsonl\n"
      "  qingxi crawl --db crawl.sqlite --recrawl-now 'https://news.example.cn/2024/*' --status");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  const bool recrawl_now = app.count("--recrawl-now") > 0;
  if (status_json && !show_status) {
    std::fprintf(stderr, "qingxi crawl: --json goes with --status\n");
    return kExitUsage;
  }
  if (show_status || (recrawl_now && output.empty())) {
    if (!url_args.empty() || !inputs.empty() || !sitemaps.empty() || due_only || follow) {
      std::fprintf(stderr, "qingxi crawl: --status%s fetches nothing: give no seeds, --sitemap, "
                   "--due or --follow with it%s\n", show_status ? "" : " / --recrawl-now without -o",
                   show_status ? "" : " (or give -o to fetch)");
      return kExitUsage;
    }
    return CrawlDbOnly(db, show_status, status_json, recrawl_now, recrawl_pattern, net.quiet);
  }
  if (output.empty()) {
    std::fprintf(stderr, "qingxi crawl: -o FILE is required to fetch (or --status to look at "
                 "the database, --recrawl-now to make URLs due)\n");
    return kExitUsage;
  }
  if (output == "-") {
    std::fprintf(stderr, "qingxi crawl: -o must be a file (documents are written exactly once)\n");
    return kExitUsage;
  }

  for (const auto& [path, option] : {std::pair<std::string, std::string>{output, "-o"},
                                     {SqliteDbPath(db), "--db"},
                                     {net.stats_file, "--stats"}}) {
    if (Status s = CheckParentDirectory(path, option); !s.ok()) {
      std::fprintf(stderr, "qingxi crawl: %s\n", s.message().c_str());
      return kExitUsage;
    }
  }

  // Seeds.
  std::vector<std::string> seeds = url_args;
  for (const std::string& in : inputs) {
    if (Status s = ReadUrlList(in, &seeds); !s.ok()) {
      std::fprintf(stderr, "qingxi crawl: %s\n", s.message().c_str());
      return kExitUsage;
    }
  }
  // --recrawl-now with -o and no seeds: a re-crawl of what is due (the matched URLs included).
  if (recrawl_now && seeds.empty()) due_only = true;
  if (seeds.empty() && !due_only && sitemaps.empty()) {
    std::fprintf(stderr, "qingxi crawl: no seeds (give URL..., -i FILE, --sitemap URL, or --due)\n");
    return kExitUsage;
  }
  UrlFilter filter;
  if (Status s = filter.Init(include, exclude, net.allow_private); !s.ok()) {
    std::fprintf(stderr, "qingxi crawl: %s\n", s.message().c_str());
    return kExitUsage;
  }

  PipelineOptions popt;
  popt.rules_dir = rules_dir.empty() ? DefaultRulesDir() : rules_dir;
  popt.extra_rules = extra_rules;
  popt.convert = !no_convert;
  popt.max_input_bytes = net.max_bytes;
  if (Status s = RuleSources(popt.rules_dir, popt.extra_rules).Check(); !s.ok()) {
    std::fprintf(stderr, "qingxi crawl: %s\n", s.message().c_str());
    return kExitUsage;
  }
  auto pipeline_or = Pipeline::Create(popt);
  if (!pipeline_or.ok()) {
    std::fprintf(stderr, "qingxi crawl: %s\n", pipeline_or.status().message().c_str());
    return kExitUsage;
  }
  std::shared_ptr<const Pipeline> pipeline = *pipeline_or;

  fetch::CrawlPolicy policy;
  if (min_interval >= 0) policy.min_interval = min_interval;
  if (max_interval >= 0) policy.max_interval = max_interval;
  if (full_every >= 0) policy.full_fetch_every = full_every;
  if (policy.min_interval > policy.max_interval) {
    std::fprintf(stderr, "qingxi crawl: --min-interval is larger than --max-interval\n");
    return kExitUsage;
  }
  policy.initial_interval = std::clamp(policy.initial_interval, policy.min_interval, policy.max_interval);
  if (lease > 0) policy.lease = lease;
  const bool shared_db = IsSharedCrawlDb(db);
  if (linger < 0) linger = shared_db ? 30 : 0;
  auto store_or = fetch::CrawlStore::Open(db, policy);
  auto writer_store_or = fetch::CrawlStore::Open(db, policy);
  if (!store_or.ok() || !writer_store_or.ok()) {
    const Status& s = store_or.ok() ? writer_store_or.status() : store_or.status();
    std::fprintf(stderr, "qingxi crawl: %s: %s\n", db.c_str(), s.message().c_str());
    return s.code() == Status::Code::kUnavailable ? kExitRetryable : kExitFatal;
  }
  fetch::CrawlStore& store = **store_or;
  fetch::CrawlStore& wstore = **writer_store_or;

  // Start-up: finish what a killed run left (see crawl_store.h, "Exactly-once output").
  const int64_t start_time = NowSeconds();
  const SteadyClock::time_point started = SteadyClock::now();
  auto reconciled = fetch::ReconcileCorpus(&store, output, ParseCorpusLine, start_time);
  if (!reconciled.ok()) {
    std::fprintf(stderr, "qingxi crawl: %s: %s\n", output.c_str(), reconciled.status().message().c_str());
    return kExitFatal;
  }
  auto released = store.ReleaseLeases(start_time);
  if (!released.ok()) {
    std::fprintf(stderr, "qingxi crawl: %s: %s\n", db.c_str(), released.status().message().c_str());
    return kExitFatal;
  }
  // URLs that failed for a cause an option removes, under another value of that option than
  // this run's, are due again now (FailureOf in crawl_common.h lists the causes and options).
  for (const auto& [option, value] : FixOptionValues(net)) {
    auto requeued = store.RequeueChanged(option, value, start_time);
    if (!requeued.ok()) {
      std::fprintf(stderr, "qingxi crawl: %s: %s\n", db.c_str(), requeued.status().message().c_str());
      return kExitFatal;
    }
    if (!net.quiet && *requeued > 0)
      std::fprintf(stderr, "qingxi crawl: %lld URLs that failed under another %s setting are due "
                   "again\n", static_cast<long long>(*requeued), FixOptionFlag(option).c_str());
  }
  if (recrawl_now) {
    auto made = store.MakeDue(fetch::UrlPattern::Parse(recrawl_pattern), start_time);
    if (!made.ok()) {
      std::fprintf(stderr, "qingxi crawl: %s: %s\n", db.c_str(), made.status().message().c_str());
      return kExitFatal;
    }
    if (!net.quiet) std::fprintf(stderr, "qingxi crawl: --recrawl-now: %s\n",
                                 RecrawlText(*made, recrawl_pattern).c_str());
  }
  if (!net.quiet && (*reconciled > 0 || *released > 0))
    std::fprintf(stderr, "qingxi crawl: resuming: %lld corpus lines reconciled, %lld URLs back in the queue\n",
                 static_cast<long long>(*reconciled), static_cast<long long>(*released));

  RunSummary summary;
  summary.command = "crawl";
  fetch::FetchOptions fopt = MakeFetchOptions(net, "crawl");
  // On a shared frontier, what a crawler has claimed is closed to the others until it is
  // recorded, and a crawler that dies leaves it for a whole lease: claim little ahead of what
  // the transfers can use (the default look-ahead of thousands suits one crawler alone).
  if (shared_db)
    fopt.max_queued = std::max<size_t>(2 * static_cast<size_t>(batch),
                                       4 * static_cast<size_t>(net.max_transfers));

  // Seeds (and their sites, which --follow may not leave).
  {
    std::vector<fetch::NewUrl> add;
    for (const std::string& s : seeds) {
      auto u = fetch::ParseUrl(s);
      if (!u.ok()) {
        ++summary.errors;
        if (!net.quiet) std::fprintf(stderr, "qingxi crawl: skipped %s: %s\n", s.c_str(), u.status().message().c_str());
        continue;
      }
      filter.AllowSite(fetch::SiteKeyOfHost(u->host));
      add.push_back(fetch::NewUrl{u->spec, 0, ""});
    }
    for (const std::string& s : sitemaps) {
      if (auto u = fetch::ParseUrl(s); u.ok()) filter.AllowSite(fetch::SiteKeyOfHost(u->host));
    }
    // In chunks: one transaction each, so a list of millions neither holds the database
    // locked for long nor needs a second copy in memory inside the store.
    constexpr size_t kChunk = 10000;
    for (size_t i = 0; i < add.size(); i += kChunk) {
      std::vector<fetch::NewUrl> chunk(add.begin() + i, add.begin() + std::min(add.size(), i + kChunk));
      auto added = store.AddUrls(chunk, start_time);
      if (!added.ok()) {
        std::fprintf(stderr, "qingxi crawl: %s: %s\n", db.c_str(), added.status().message().c_str());
        return kExitFatal;
      }
    }
  }
  // Pages fetched by earlier runs whose links were not followed under this scope are fetched
  // again, in full, for their links (see crawl_store.h, "Links").
  const std::string links_scope = follow ? LinksScope(include, exclude, net.allow_private) : "";
  if (follow) {
    auto again = store.RequeueForLinks(links_scope, max_depth, start_time);
    if (!again.ok()) {
      std::fprintf(stderr, "qingxi crawl: %s: %s\n", db.c_str(), again.status().message().c_str());
      return kExitFatal;
    }
    if (!net.quiet && *again > 0)
      std::fprintf(stderr, "qingxi crawl: --follow: %lld pages fetched before without following "
                   "their links (under these options) are due again\n", static_cast<long long>(*again));
  }
  // Sitemaps: given ones, and with --sitemaps those named by the seed hosts' robots.txt.
  if (!sitemaps.empty() || robots_sitemaps) {
    std::vector<std::string> origins;
    if (robots_sitemaps) {
      std::set<std::string> seen;
      for (const std::string& s : seeds)
        if (auto u = fetch::ParseUrl(s); u.ok() && seen.insert(u->Origin()).second) origins.push_back(u->Origin());
    }
    SitemapResult sm = ReadSitemaps(fopt, sitemaps, origins, [&](const fetch::Url& u) { return filter.Allowed(u); });
    for (const std::string& w : sm.warnings)
      if (!net.quiet) std::fprintf(stderr, "qingxi crawl: sitemap: %s\n", w.c_str());
    // A sitemap's lastmod sets when a new URL comes due: the most recently changed pages first.
    std::sort(sm.entries.begin(), sm.entries.end(),
              [](const SitemapEntry& a, const SitemapEntry& b) { return a.lastmod > b.lastmod; });
    std::vector<fetch::NewUrl> add;
    for (const SitemapEntry& e : sm.entries) add.push_back(fetch::NewUrl{e.url, 1, e.sitemap});
    if (!add.empty()) {
      auto added = store.AddUrls(add, start_time);
      if (added.ok()) summary.discovered += added->added;
    }
  }

  // A re-crawl with nothing due says so, and when the next URL comes due, instead of fetching
  // nothing and leaving an empty corpus behind; an empty database is a usage error (a mistyped
  // --db creates a new, empty one).
  if (due_only && seeds.empty() && sitemaps.empty()) {
    auto st = store.Stats(start_time);
    if (!st.ok()) {
      std::fprintf(stderr, "qingxi crawl: %s: %s\n", db.c_str(), st.status().message().c_str());
      return st.status().code() == Status::Code::kUnavailable ? kExitRetryable : kExitFatal;
    }
    if (st->urls == 0) {
      std::fprintf(stderr, "qingxi crawl: %s holds no URL: nothing to re-crawl (check --db, or add "
                   "seeds with -i FILE or URL)\n", db.c_str());
      return kExitUsage;
    }
    if (st->due == 0) {
      summary.next_due = st->next_due;
      if (Status s = WriteStatsFile(net.stats_file, summary); !s.ok())
        std::fprintf(stderr, "qingxi crawl: %s\n", s.message().c_str());
      if (!net.quiet) std::fprintf(stderr, "qingxi crawl: nothing is due in %s (%lld URLs); %s; %s not written\n",
                                   db.c_str(), static_cast<long long>(st->urls),
                                   NextDueText(st->next_due, start_time).c_str(), output.c_str());
      return kExitOk;
    }
  }

  int64_t initial_due = 0;  // for the progress line
  if (auto st = store.Frontier(start_time); st.ok()) initial_due = st->due;

  // --- the cleaners ---
  BoundedQueue<CleanJob> clean_queue(static_cast<size_t>(threads) * 8);
  BoundedQueue<Outcome> write_queue(4096);
  std::atomic<int64_t> in_pipeline{0};  // handed to cleaners or writer, not yet recorded
  std::mutex idle_mu;
  std::condition_variable idle_cv;
  auto finished_one = [&](int64_t n) {
    if (in_pipeline.fetch_sub(n) == n) {
      std::lock_guard<std::mutex> lock(idle_mu);
      idle_cv.notify_all();
    }
  };
  std::atomic<uint64_t> discovered_round{0};

  auto cleaner = [&]() {
    std::vector<CleanJob> jobs;
    while (clean_queue.PopSome(&jobs, 1)) {
      for (CleanJob& job : jobs) {
        Outcome out;
        fetch::FetchReport& rep = out.report;
        const fetch::FetchResponse& r = job.response;
        rep.url = job.due.url;
        rep.outcome = fetch::FetchOutcome::kFetched;
        rep.http_status = r.status;
        rep.conditional = !job.due.if_none_match.empty() || !job.due.if_modified_since.empty();
        rep.etag = r.Header("ETag");
        rep.last_modified = r.Header("Last-Modified");
        rep.body_hash = Hash64(r.body);
        InputDocument doc;
        // One id per fetch: a page that changed gets a new record id (docs/record-schema.md).
        doc.fetched_at = fetch::WarcDate(job.fetched_at);
        doc.id = IdForFetch(job.due.url, doc.fetched_at);
        doc.source = job.due.url;
        doc.url = job.due.url;
        doc.bytes = r.body;
        doc.content_type = r.content_type;
        doc.name_hint = r.final_url.empty() ? r.url : r.final_url;
        Record rec = pipeline->Process(doc);
        if (r.truncated) rec.AddFlag("truncated");
        out.no_text = rec.is_error() || rec.text.empty();
        rep.content_hash = Hash64(rec.is_error() ? std::string_view() : std::string_view(rec.text));
        out.document = !out.no_text && rep.content_hash != job.due.content_hash;
        if (out.document) {
          out.doc_id = rec.id;
          out.flags = rec.flags;
          out.line = ToJsonLine(rec);
          out.line.push_back('\n');
        }
        const bool html = Pipeline::Sniff(r.body, doc.name_hint) == InputKind::kHtml;
        if (follow && job.due.depth < max_depth) rep.links_scope = links_scope;
        if (follow && html && (job.due.depth < max_depth)) {
          const std::string base_url = r.final_url.empty() ? r.url : r.final_url;
          PageLinks pl = ExtractPageLinks(r.body, 5000);
          std::string base = base_url;
          if (!pl.base.empty())
            if (auto b = fetch::NormalizeUrl(pl.base, base_url); b.ok()) base = *b;
          std::unordered_set<std::string> seen;
          auto consider = [&](const std::string& href, int depth) {
            auto u = fetch::ParseUrl(href, base);
            if (!u.ok() || !filter.Allowed(*u) || !seen.insert(u->spec).second) return;
            out.links.push_back(fetch::NewUrl{u->spec, depth, job.due.url});
          };
          if (!pl.nofollow_all)
            for (const std::string& href : pl.links) consider(href, job.due.depth + 1);
          // The canonical URL is recorded as a URL of the site, found on this page.
          if (!pl.canonical.empty()) consider(pl.canonical, job.due.depth);
        }
        write_queue.Push(std::move(out));
      }
      jobs.clear();
    }
  };

  // --- the writer ---
  int corpus_fd = open(output.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (corpus_fd < 0) {
    std::fprintf(stderr, "qingxi crawl: %s: %s\n", output.c_str(), std::strerror(errno));
    return kExitFatal;
  }
  std::mutex summary_mu;  // the writer's counters, read by the fetcher for the progress line
  Status writer_status;
  std::atomic<bool> writer_failed{false};
  auto writer = [&]() {
    std::vector<Outcome> batch_items;
    std::string buffer;
    while (write_queue.PopSome(&batch_items, 1024)) {
      const int64_t now = NowSeconds();
      struct stat st;
      int64_t offset = fstat(corpus_fd, &st) == 0 ? st.st_size : 0;
      std::vector<fetch::OutputMark> marks;
      std::vector<fetch::FetchReport> reports;
      std::vector<fetch::NewUrl> links;
      uint64_t docs = 0, skipped = 0, unchanged = 0, empty = 0;
      RecordCounts written_flags;
      Status s;
      buffer.clear();
      for (Outcome& o : batch_items) {
        if (o.report.outcome == fetch::FetchOutcome::kNotModified) ++unchanged;
        if (o.report.outcome == fetch::FetchOutcome::kFetched) {
          if (o.no_text) ++empty;
          else if (!o.document) ++unchanged;
        }
        if (o.document && s.ok()) {
          auto written = wstore.IsWritten(o.report.url, o.report.content_hash);
          if (!written.ok()) s = written.status();
          else if (*written) ++skipped;
          else {
            buffer += o.line;
            offset += static_cast<int64_t>(o.line.size());
            marks.push_back(fetch::OutputMark{o.doc_id, o.report.url, o.report.content_hash, output, offset});
            written_flags.CountFlags(o.flags);
            ++docs;
          }
        }
        reports.push_back(std::move(o.report));
        for (auto& l : o.links) links.push_back(std::move(l));
      }
      // Protocol step 2: the lines reach the disk before the database says they are written.
      if (s.ok() && !buffer.empty()) {
        size_t done = 0;
        while (done < buffer.size()) {
          ssize_t w = write(corpus_fd, buffer.data() + done, buffer.size() - done);
          if (w < 0 && errno == EINTR) continue;
          if (w <= 0) {
            s = Status::IoError(output + ": " + std::strerror(errno));
            break;
          }
          done += static_cast<size_t>(w);
        }
        if (s.ok() && fdatasync(corpus_fd) != 0) s = Status::IoError(output + ": fsync: " + std::strerror(errno));
      }
      // Step 3: marks and results (a crash between them is repaired by ReconcileCorpus).
      if (s.ok() && !marks.empty()) s = wstore.MarkWritten(marks, now);
      if (s.ok()) {
        auto r = wstore.RecordResults(reports, now);
        if (!r.ok()) s = r.status();
      }
      uint64_t added = 0;
      if (s.ok() && !links.empty()) {
        auto r = wstore.AddUrls(links, now);
        if (!r.ok()) s = r.status();
        else added = static_cast<uint64_t>(r->added);
      }
      {
        std::lock_guard<std::mutex> lock(summary_mu);
        summary.documents += docs;
        for (const auto& [flag, n] : written_flags.by_flag) summary.records.by_flag[flag] += n;
        summary.skipped_written += skipped;
        summary.unchanged += unchanged;
        summary.no_text += empty;
        summary.discovered += added;
        summary.output_bytes += buffer.size();
        if (!s.ok() && writer_status.ok()) writer_status = s;
      }
      discovered_round += added;
      if (!s.ok()) writer_failed = true;
      finished_one(static_cast<int64_t>(batch_items.size()));
      batch_items.clear();
    }
  };

  // --- the fetcher, in rounds ---
  fetch::Fetcher fetcher(fopt);
  // Before any thread starts, so that every thread has the signals blocked.
  StopOnSignal stop_signal([&fetcher] { fetcher.RequestStop(); });
  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) pool.emplace_back(cleaner);
  std::thread writer_thread(writer);
  Progress progress("crawl", "pages", net.quiet);
  std::deque<fetch::DueUrl> claimed;
  std::unordered_map<uint64_t, fetch::DueUrl> in_flight;
  std::unordered_set<std::string> in_flight_urls;
  std::unordered_set<std::string> claimed_urls;  // the URLs in `claimed`
  uint64_t next_id = 0;
  int64_t pages_claimed = 0;
  Status claim_status;
  // Per host: the earliest time the next round may send it a request.
  std::unordered_map<std::string, SteadyClock::time_point> not_before;
  const double delay_s = fopt.per_host_delay_ms / 1000.0;

  // Claims up to `limit` due URLs into `claimed`; false after a database error.
  SteadyClock::time_point last_claim = SteadyClock::now();
  auto claim = [&](int limit) {
    auto due = store.ClaimDue(NowSeconds(), limit);
    last_claim = SteadyClock::now();
    if (!due.ok()) {
      if (claim_status.ok()) claim_status = due.status();
      return false;
    }
    for (auto& d : *due) {
      if (due_only && seeds.empty()) filter.AllowSite(d.site_key);
      // Handed out again after its lease ran out while it waited here: keep one copy.
      if (!claimed_urls.insert(d.url).second) continue;
      claimed.push_back(std::move(d));
    }
    return true;
  };
  // On a shared frontier, keeps this crawler's host-bucket leases alive (see the file comment).
  const SteadyClock::duration renew_every =
      std::chrono::milliseconds(std::max<int64_t>(1000, policy.lease * 1000 / 4));
  auto renew = [&] {
    if (shared_db && claim_status.ok() && SteadyClock::now() - last_claim >= renew_every) claim(1);
  };

  auto source = [&](fetch::FetchRequest* req) {
    while (!writer_failed) {
      renew();
      if (claimed.empty()) {
        if (max_pages > 0 && pages_claimed >= max_pages) return false;
        int limit = batch;
        if (max_pages > 0) limit = static_cast<int>(std::min<int64_t>(limit, max_pages - pages_claimed));
        if (!claim(limit)) return false;
        if (claimed.empty()) return false;
      }
      fetch::DueUrl d = std::move(claimed.front());
      claimed.pop_front();
      claimed_urls.erase(d.url);
      // A lease can run out while its URL still waits in the fetcher's per-host queue (a slow
      // host, a long Crawl-delay); ClaimDue then hands it out again. Fetch it only once.
      if (!in_flight_urls.insert(d.url).second) continue;
      ++pages_claimed;
      // A page whose links this crawl must read comes in full: a 304 carries no links.
      if (follow && d.depth < max_depth && d.links_scope != links_scope && d.links_scope != "*") {
        d.if_none_match.clear();
        d.if_modified_since.clear();
      }
      req->url = d.url;
      req->etag = d.if_none_match;
      req->last_modified = d.if_modified_since;
      req->id = next_id++;
      in_flight.emplace(req->id, std::move(d));
      return true;
    }
    return false;
  };
  auto sink = [&](fetch::FetchResponse&& r) {
    auto it = in_flight.find(r.id);
    if (it == in_flight.end()) return;
    fetch::DueUrl due = std::move(it->second);
    in_flight.erase(it);
    in_flight_urls.erase(due.url);
    renew();
    {
      std::lock_guard<std::mutex> lock(summary_mu);
      summary.Count(r);
      // robots.txt refusals and pages that are gone are outcomes, not failures of the run.
      if (r.error == fetch::FetchError::kRobotsDisallowed) {
      } else if (r.error != fetch::FetchError::kNone || (r.status >= 400 && r.status != 404 && r.status != 410))
        ++summary.errors;
      else if (r.status >= 200 && r.status <= 299)
        ++summary.ok;
    }
    // When may this host be asked again (for the next round)?
    if (r.attempts > 0) {
      double gap = delay_s;
      auto u = fetch::ParseUrl(r.url);
      if (u.ok()) {
        if (const fetch::RobotsTxt* rules = fetcher.robots_cache().Get(u->Origin(), SteadyClock::now()))
          if (rules->crawl_delay()) gap = std::max(gap, std::min(*rules->crawl_delay(), fopt.max_crawl_delay_s));
        if (r.status == 429 || r.status == 503) {
          double ra = std::atof(r.Header("Retry-After").c_str());
          gap = std::max(gap, std::min<double>(ra, fopt.max_retry_after_s));
        }
        auto& nb = not_before[u->host];
        nb = std::max(nb, SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(
                                                     std::chrono::duration<double>(gap)));
      }
    }
    fetch::FetchOutcome outcome = OutcomeOf(r);
    ++in_pipeline;
    if (outcome == fetch::FetchOutcome::kFetched) {
      clean_queue.Push(CleanJob{std::move(due), std::move(r), NowSeconds()});
    } else {
      Outcome o;
      o.report.url = due.url;
      o.report.outcome = outcome;
      o.report.http_status = r.status;
      o.report.conditional = !due.if_none_match.empty() || !due.if_modified_since.empty();
      o.report.etag = r.Header("ETag");
      o.report.last_modified = r.Header("Last-Modified");
      o.report.failure = FailureOf(r, net);
      write_queue.Push(std::move(o));
    }
    if (writer_failed) fetcher.RequestStop();
    std::lock_guard<std::mutex> lock(summary_mu);
    // No total: the frontier grows as pages add links. What is left is what this run knows of:
    // the URLs due at its start and those found since, less the pages done.
    if (progress.enabled()) {
      const int64_t left = std::max<int64_t>(
          0, initial_due + static_cast<int64_t>(summary.discovered) - static_cast<int64_t>(summary.pages));
      progress.Update({summary.pages, 0, summary.errors, summary.body_bytes,
                       "frontier " + std::to_string(left)});
    }
  };

  Status run;
  FrontierWait frontier(linger);
  bool gave_up = false;
  for (int round = 0;; ++round) {
    if (round > 0) {
      // Wait out every host's delay counted from its last answer (see the file comment).
      SteadyClock::time_point until = SteadyClock::now();
      for (const auto& [host, t] : not_before) until = std::max(until, t);
      while (SteadyClock::now() < until && !stop_signal.stopped())
        std::this_thread::sleep_for(std::min<SteadyClock::duration>(until - SteadyClock::now(),
                                                                    std::chrono::milliseconds(100)));
      if (stop_signal.stopped()) break;
    }
    discovered_round = 0;
    const int64_t claimed_before = pages_claimed;
    run = fetcher.Run(source, sink);
    // Every fetched page of this round is cleaned and recorded before the next is planned.
    {
      std::unique_lock<std::mutex> lock(idle_mu);
      idle_cv.wait(lock, [&] { return in_pipeline.load() == 0; });
    }
    if (!run.ok() || !claim_status.ok() || writer_failed || fetcher.stats().stopped ||
        stop_signal.stopped())
      break;
    if (max_pages > 0 && pages_claimed >= max_pages) break;
    if (linger <= 0) {
      if (!follow || discovered_round == 0) break;
      continue;
    }
    // Lingering: while this crawler finds work it goes on at once; when it finds none, the
    // state of the whole frontier decides (FrontierWait).
    if (pages_claimed > claimed_before) {
      frontier.SawProgress(SteadyClock::now());
      continue;
    }
    auto state = store.Frontier(NowSeconds());
    if (!state.ok()) {
      claim_status = state.status();
      break;
    }
    const FrontierWait::Decision next = frontier.Next(*state, SteadyClock::now());
    if (next == FrontierWait::Decision::kFinished) break;
    if (next == FrontierWait::Decision::kGaveUp) {
      gave_up = true;
      break;
    }
    const SteadyClock::time_point until = SteadyClock::now() + frontier.poll_interval();
    while (SteadyClock::now() < until && !stop_signal.stopped())
      std::this_thread::sleep_for(std::min<SteadyClock::duration>(until - SteadyClock::now(),
                                                                  std::chrono::milliseconds(100)));
    if (stop_signal.stopped()) break;
  }
  progress.Finish();
  clean_queue.Close();
  for (auto& t : pool) t.join();
  write_queue.Close();
  writer_thread.join();
  close(corpus_fd);

  summary.seconds = std::chrono::duration<double>(SteadyClock::now() - started).count();
  summary.stopped = fetcher.stats().stopped || stop_signal.stopped();
  if (Status s = WriteStatsFile(net.stats_file, summary); !s.ok())
    std::fprintf(stderr, "qingxi crawl: %s\n", s.message().c_str());
  if (!net.quiet) std::fputs(summary.ToText().c_str(), stderr);
  if (gave_up && !net.quiet)
    std::fprintf(stderr, "qingxi crawl: nothing changed in the frontier for %.0f s while %lld URLs "
                 "are due or in flight elsewhere; stopping (other crawlers, or a later run, take "
                 "them when their lease runs out)\n",
                 linger, static_cast<long long>(frontier.pending()));
  if (!run.ok()) {
    std::fprintf(stderr, "qingxi crawl: %s\n", run.message().c_str());
    return kExitFatal;
  }
  if (!claim_status.ok() || !writer_status.ok()) {
    const Status& s = claim_status.ok() ? writer_status : claim_status;
    std::fprintf(stderr, "qingxi crawl: %s\n", s.message().c_str());
    return s.code() == Status::Code::kUnavailable ? kExitRetryable : kExitFatal;
  }
  // Stopped by a signal: what was fetched is recorded; the rest is still due. Run again.
  if (summary.stopped) return kExitRetryable;
  return summary.errors > 0 ? kExitSomeErrors : kExitOk;
}

}  // namespace qingxi::cli
