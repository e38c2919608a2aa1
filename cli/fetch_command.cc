// `qingxi fetch` — URLs in, raw HTTP exchanges out, as a WARC/1.1 file (ISO 28500).
//
// The fetcher (fetch/fetcher.h) runs every transfer on this thread; its sink writes each
// response with its request into the WARC as it arrives, so memory is bounded by the transfers
// in flight, not by the number of URLs. An existing output file is continued: the WARC writer
// cuts a torn tail (a kill mid-write) and URLs already archived in it are not fetched again.
// With --shard I/N --out DIR, URLs are split by site (all URLs of one registrable domain in one
// shard, so one process owns a host's politeness) and the shard writes DIR/part-I.warc.gz
// through DIR/part-I.warc.gz.partial, then the done marker DIR/part-I.done, like
// `qingxi clean --out`.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unordered_set>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "crawl_common.h"
#include "preflight.h"
#include "progress.h"
#include "shard.h"
#include "qingxi/fetch/fetcher.h"
#include "qingxi/fetch/url.h"
#include "qingxi/fetch/warc.h"

namespace qingxi::cli {
namespace {

// Response records already in `path` (a continued run): their target URIs.
void ArchivedUris(const std::string& path, std::unordered_set<std::string>* out) {
  auto reader = fetch::WarcReader::Open(path);
  if (!reader.ok()) return;
  fetch::WarcRecord rec;
  while (true) {
    auto got = (*reader)->Next(&rec);
    if (!got.ok() || !*got) break;
    if (rec.warc_type == "response") out->insert(rec.target_uri);
  }
}

// The request as it went out, rebuilt: the fetcher keeps no raw request bytes, and sends the
// same headers with every page request (fetch sends no validators).
std::string RequestFor(const fetch::FetchResponse& r,
                       const std::vector<std::pair<std::string, std::string>>& headers) {
  auto head = fetch::HttpRequestHead("GET", r.final_url.empty() ? r.url : r.final_url, headers);
  return head.ok() ? *head : std::string();
}

}  // namespace

int RunFetch(int argc, char** argv) {
  CLI::App app{"Fetch URLs politely and store the raw responses as WARC/1.1 (request and "
               "response records, gzip per record).",
               "qingxi fetch"};
  std::vector<std::string> url_args, inputs;
  std::string output, shard_text, out_dir;
  bool restart = false;
  int archive_threads = 0;
  NetOptions net;
  app.add_option("URL", url_args, "URLs to fetch (with or instead of -i)");
  app.add_option("-i,--input", inputs, "file of URLs, one per line ('#' comments; '-': standard "
                 "input); may be repeated");
  app.add_option("-o,--output", output, "WARC output (.warc.gz: gzip per record; .warc: plain). "
                 "An existing file is continued; URLs already in it are skipped");
  app.add_option("--shard", shard_text, "I/N: fetch only the sites of shard I of N (with --out)");
  app.add_option("--out", out_dir, "write DIR/part-I.warc.gz and the done marker DIR/part-I.done; "
                 "a shard whose marker exists exits at once");
  app.add_flag("--restart", restart, "start the output over instead of continuing it");
  app.add_option("--archive-threads", archive_threads, "threads that build and compress WARC "
                 "records (0: one per core, at least 2 and at most 4)")
      ->capture_default_str()->check(CLI::Range(0, 64));
  AddNetOptions(&app, &net);
  app.footer(
      "Exit status: 0 every URL was fetched with a 2xx answer; 3 finished, but some URLs failed\n"
      "(HTTP errors, network errors, robots.txt); 2 bad usage; 1 the output could not be written;\n"
      "75 stopped by SIGINT/SIGTERM (run the same command to continue) or, with --out, a\n"
      "transient failure: run the shard again.\n"
      "\n"
      "Examples:\n"
      "  qingxi fetch -i urls.txt -o pages.warc.gz --contact mailto:corpus@example.org\n"
      "  qingxi fetch https://intranet.example.org/a.html -o a.warc.gz --cacert company-ca.pem\n"
      "  qingxi fetch -i urls.txt --shard 0/8 --out warc/");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  if (output.empty() && out_dir.empty()) {
    std::fprintf(stderr, "qingxi fetch: give -o FILE.warc.gz or --out DIR\n%s", app.help().c_str());
    return kExitUsage;
  }
  for (const auto& [path, option] :
       {std::pair<std::string, std::string>{output, "-o"}, {net.stats_file, "--stats"}}) {
    if (Status s = CheckParentDirectory(path, option); !s.ok()) {
      std::fprintf(stderr, "qingxi fetch: %s\n", s.message().c_str());
      return kExitUsage;
    }
  }
  ShardSpec shard;
  if (!shard_text.empty()) {
    auto parsed = ParseShard(shard_text);
    if (!parsed.ok() || out_dir.empty()) {
      std::fprintf(stderr, "qingxi fetch: %s\n",
                   parsed.ok() ? "--shard needs --out DIR" : parsed.status().message().c_str());
      return kExitUsage;
    }
    shard = *parsed;
  }
  std::string done_path;
  std::string final_output = output;
  if (!out_dir.empty()) {
    final_output = out_dir + "/part-" + std::to_string(shard.index) + ".warc.gz";
    done_path = out_dir + "/part-" + std::to_string(shard.index) + ".done";
    if (access(done_path.c_str(), F_OK) == 0) {
      if (!net.quiet) std::fprintf(stderr, "qingxi fetch: %s exists: shard already done\n", done_path.c_str());
      return kExitOk;
    }
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
      std::fprintf(stderr, "qingxi fetch: %s: %s\n", out_dir.c_str(), ec.message().c_str());
      return kExitRetryable;
    }
    output = final_output + ".partial";
  }
  const int write_failure = out_dir.empty() ? kExitFatal : kExitRetryable;

  // The URL list: normalised, de-duplicated (each URL fetched once), this shard's sites only.
  std::vector<std::string> raw = url_args;
  for (const std::string& in : inputs) {
    if (Status s = ReadUrlList(in, &raw); !s.ok()) {
      std::fprintf(stderr, "qingxi fetch: %s\n", s.message().c_str());
      return kExitUsage;
    }
  }
  if (raw.empty()) {
    std::fprintf(stderr, "qingxi fetch: no URLs (give URL... or -i FILE)\n");
    return kExitUsage;
  }
  if (restart) std::remove(output.c_str());
  std::unordered_set<std::string> archived;
  ArchivedUris(output, &archived);
  std::vector<std::string> urls;
  std::unordered_set<std::string> seen;
  uint64_t invalid = 0;
  for (const std::string& u : raw) {
    auto n = fetch::NormalizeUrl(u);
    if (!n.ok()) {
      ++invalid;
      if (!net.quiet) std::fprintf(stderr, "qingxi fetch: skipped %s: %s\n", u.c_str(), n.status().message().c_str());
      continue;
    }
    if (shard.count > 1 && ShardOfKey(fetch::SiteKey(*n), shard.count) != shard.index) continue;
    if (!seen.insert(*n).second || archived.count(*n)) continue;
    urls.push_back(std::move(*n));
  }
  std::vector<std::string>().swap(raw);
  if (!archived.empty() && !net.quiet)
    std::fprintf(stderr, "qingxi fetch: continuing %s: %zu URLs already archived\n", output.c_str(),
                 archived.size());

  fetch::FetchOptions fopt = MakeFetchOptions(net, "fetch");
  // The archive keeps each body as the server sent it (gzip, br, zstd): WARC's payload is the
  // entity body, and a coded body costs neither an inflate now nor a deflate of the inflated
  // bytes in the gzip member. Readers decode it (`qingxi clean` does, bounded).
  fopt.decode_content = false;
  fetch::WarcWriterOptions wopt;
  wopt.body_coding = fetch::WarcWriterOptions::BodyCoding::kContentCoded;
  const std::vector<std::pair<std::string, std::string>> request_headers =
      fetch::PageRequestHeaders(fopt);
  wopt.user_agent = request_headers.front().second;  // User-Agent comes first
  wopt.operator_contact = net.contact;
  wopt.robots_obeyed = fopt.obey_robots;
  wopt.description = "qingxi fetch";
  auto writer = fetch::WarcWriter::Open(output, wopt);
  if (!writer.ok()) {
    std::fprintf(stderr, "qingxi fetch: %s\n", writer.status().message().c_str());
    return write_failure;
  }
  fetch::Fetcher fetcher(fopt);
  RunSummary summary;
  summary.command = "fetch";
  summary.errors = invalid;
  Progress progress("fetch", "pages", net.quiet);
  Status write_status;
  size_t next = 0;
  auto source = [&](fetch::FetchRequest* req) {
    if (next >= urls.size()) return false;
    req->url = urls[next];
    req->id = next++;
    return true;
  };
  // Archiving runs off the fetcher's thread: building the records, their SHA-1 digests and a
  // gzip member per record cost about as much CPU as the transfers themselves. Responses travel
  // in batches of kBatch (one queue operation and at most one wake-up per batch) to a few
  // encoder threads; each encodes a whole batch (WarcWriter::EncodeExchange is thread-safe),
  // and the batches are appended in the order the fetcher finished them, each with one write()
  // (a kill leaves at most a torn tail, which the next run cuts off). The queue is bounded, so
  // memory stays bounded too.
  constexpr size_t kBatch = 32;
  const int encoders =
      archive_threads > 0
          ? archive_threads
          : std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 2, 4);
  BoundedQueue<std::pair<uint64_t, std::vector<fetch::FetchResponse>>> archive_queue(
      4 * static_cast<size_t>(encoders) + 4);
  std::vector<fetch::FetchResponse> pending;
  uint64_t batches_pushed = 0;
  std::atomic<bool> write_failed{false};
  std::mutex write_mu;
  std::condition_variable write_turn;
  uint64_t next_to_write = 0;  // guarded by write_mu
  // Before the archiving threads start, so that they have the signals blocked too.
  StopOnSignal stop_signal([&fetcher] { fetcher.RequestStop(); });
  auto encode_loop = [&] {
    // Encoders yield to the event loop (and, on a shared machine, to the servers it talks to):
    // compression can catch up a moment later, a transfer kept waiting costs throughput.
    // Linux applies setpriority to the calling thread alone when given its thread ID.
    const id_t tid = static_cast<id_t>(gettid());
    errno = 0;
    const int nice_now = getpriority(PRIO_PROCESS, tid);
    if (errno == 0) setpriority(PRIO_PROCESS, tid, std::min(nice_now + 5, 19));
    std::vector<std::pair<uint64_t, std::vector<fetch::FetchResponse>>> got;
    fetch::WarcExchange ex;
    std::string bytes;
    while (archive_queue.PopSome(&got, 1)) {
      // Plain references, not a structured binding: the wait predicate below captures seq.
      const auto& seq = got.front().first;
      auto& batch = got.front().second;
      bytes.clear();
      if (!write_failed) {
        for (fetch::FetchResponse& r : batch) {
          auto head = fetch::HttpResponseHead(r.http_version.empty() ? "1.1" : r.http_version,
                                              r.status, r.headers);
          if (!head.ok()) continue;
          ex.target_uri = r.final_url.empty() ? r.url : r.final_url;
          ex.ip_address = r.ip;
          ex.request = RequestFor(r, request_headers);
          ex.response_head = std::move(*head);
          ex.body = std::move(r.body);
          (void)(*writer)->EncodeExchange(ex, &bytes);  // fails only on a bad URI: skipped
        }
      }
      batch.clear();
      std::unique_lock<std::mutex> lock(write_mu);
      write_turn.wait(lock, [&] { return next_to_write == seq; });
      if (!write_failed && !bytes.empty()) {
        Status s = (*writer)->AppendEncoded(bytes);
        if (!s.ok()) {
          write_status = s;
          write_failed = true;
          fetcher.RequestStop();
        }
      }
      ++next_to_write;
      write_turn.notify_all();
      got.clear();
    }
  };
  std::vector<std::thread> archivers;
  for (int i = 0; i < encoders; ++i) archivers.emplace_back(encode_loop);
  auto sink = [&](fetch::FetchResponse&& r) {
    summary.Count(r);
    const bool stored = r.error == fetch::FetchError::kNone && r.status > 0;
    if (r.error != fetch::FetchError::kNone || r.status >= 400) ++summary.errors;
    else ++summary.ok;
    if (stored && !write_failed) {
      pending.push_back(std::move(r));
      if (pending.size() >= kBatch) {
        archive_queue.Push({batches_pushed++, std::move(pending)});
        pending.clear();
        pending.reserve(kBatch);
      }
    } else if (!stored && !net.quiet && !isatty(STDERR_FILENO)) {
      // Failures are listed when there is no progress line to watch (logs, cron).
      std::fprintf(stderr, "qingxi fetch: %s: %s: %s\n", r.url.c_str(), fetch::FetchErrorName(r.error),
                   ErrorCause(r).c_str());
    }
    progress.Update({summary.pages, urls.size(), summary.errors, summary.body_bytes, ""});
  };
  const auto started = std::chrono::steady_clock::now();
  Status run = fetcher.Run(source, sink);
  if (!pending.empty()) archive_queue.Push({batches_pushed++, std::move(pending)});
  archive_queue.Close();
  for (std::thread& t : archivers) t.join();
  progress.Finish();
  const fetch::FetchStats& fs = fetcher.stats();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  summary.stopped = fs.stopped || stop_signal.stopped();
  summary.wire_bytes = fs.wire_bytes;  // robots.txt included
  if (write_status.ok()) write_status = (*writer)->Sync();
  summary.output_bytes = (*writer)->bytes_written();
  writer->reset();
  if (!run.ok()) {
    std::fprintf(stderr, "qingxi fetch: %s\n", run.message().c_str());
    return write_failure;
  }
  if (!write_status.ok()) {
    std::fprintf(stderr, "qingxi fetch: cannot write %s: %s\n", output.c_str(),
                 write_status.message().c_str());
    return write_failure;
  }
  if (summary.stopped) {
    // Interrupted: the archive so far is valid and is continued by the next run.
    if (!net.quiet) std::fputs(summary.ToText().c_str(), stderr);
    if (Status s = WriteStatsFile(net.stats_file, summary); !s.ok())
      std::fprintf(stderr, "qingxi fetch: %s\n", s.message().c_str());
    return kExitRetryable;
  }
  if (!out_dir.empty()) {
    if (std::rename(output.c_str(), final_output.c_str()) != 0 ||
        !WriteDoneMarker(done_path, summary.ToJson()).ok()) {
      std::fprintf(stderr, "qingxi fetch: cannot finish %s\n", final_output.c_str());
      return kExitRetryable;
    }
  }
  if (Status s = WriteStatsFile(net.stats_file, summary); !s.ok())
    std::fprintf(stderr, "qingxi fetch: %s\n", s.message().c_str());
  if (!net.quiet) std::fputs(summary.ToText().c_str(), stderr);
  if (!out_dir.empty()) return kExitOk;
  return summary.errors > 0 ? kExitSomeErrors : kExitOk;
}

}  // namespace qingxi::cli
