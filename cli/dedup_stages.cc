// The stages of `qingxi batch dedup`, each run by a batch engine (cli/batch_command.cc) as
// `qingxi dedup --stage S --manifest M --shard I/N --out DIR --work W`:
//
//   sign     per shard: for each of its manifest entries P (position p % N == I), the sketches
//            of its records in W/sign/entry-P.sketch and their ids in W/sign/entry-P.ids;
//   cluster  one task: every sketch file in manifest order, the clusters (the same DedupIndex as
//            a one-process run, so the same kept set), and per entry the removed records in
//            W/cluster/entry-P.drop ("ORDINAL\tSIMILARITY\tDUPLICATE_OF" lines);
//   filter   per shard: the kept records of its entries, byte for byte, in DIR/part-I.jsonl
//            (.zst with --compress zstd), the removed ones in DIR/report-I.jsonl.
// Every stage writes through temporary files and renames, then its done marker, so a stage
// re-run after a failure redoes only what is missing. Memory: the cluster task holds the same
// ~200 bytes per record as a one-process run; sign and filter hold one part file's sketches.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "dedup_command.h"
#include "jsonl_sink.h"
#include "shard.h"

namespace qingxi::cli {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'Q', 'X', 'S', 'K', 'E', 'T', 'C', '1'};

struct SketchHeader {
  char magic[8];
  uint32_t num_perm, bands, rows, reserved;
  double threshold;
  uint64_t count;
};

std::string EntryPath(const std::string& dir, size_t entry, const char* ext) {
  return dir + "/entry-" + std::to_string(entry) + ext;
}

Status ReadAll(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot read (did the previous stage finish?)");
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return Status::Ok();
}

std::string JsonString(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int Fail(const Status& st) {
  std::fprintf(stderr, "qingxi dedup: %s\n", st.message().c_str());
  return kExitRetryable;
}

int Sign(const DedupConfig& config, const std::vector<std::string>& entries, ShardSpec shard,
         const std::string& out_dir) {
  MinHasher hasher(config.threshold, config.num_perm);
  uint64_t records = 0;
  for (size_t p = 0; p < entries.size(); ++p) {
    if (static_cast<int>(p % static_cast<size_t>(shard.count)) != shard.index) continue;
    DedupIndex index(&hasher, config.threshold);
    DedupCounts counts;
    std::string ids;
    const std::string& path = entries[p];
    uint64_t line_no = 0;
    // Ids as the report names records: the record's id, else FILE:LINE (line numbers counted
    // over non-blank lines, which is all ForEachRecordLine yields).
    std::vector<uint64_t> line_numbers;
    Status st = ForEachRecordLine(path, [&](const std::string&, uint64_t n) {
      line_numbers.push_back(n);
      return Status::Ok();
    });
    if (!st.ok()) return Fail(st);
    st = SketchInputs({path}, config, hasher, &index, nullptr, &counts, [&](const std::string& id) {
      ids += JsonString(id.empty() ? FallbackId(path, line_numbers[line_no]) : id) + "\n";
      ++line_no;
    });
    if (!st.ok()) return Fail(st);
    SketchHeader h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.num_perm = static_cast<uint32_t>(hasher.num_perm());
    h.bands = static_cast<uint32_t>(hasher.lsh().bands);
    h.rows = static_cast<uint32_t>(hasher.lsh().rows);
    h.threshold = config.threshold;
    h.count = index.size();
    std::string data(reinterpret_cast<const char*>(&h), sizeof h);
    for (uint32_t i = 0; i < index.size(); ++i)
      data.append(reinterpret_cast<const char*>(index.Sketch(i)), hasher.sketch_bytes());
    if (Status s = WriteFileAtomically(EntryPath(out_dir, p, ".ids"), ids); !s.ok()) return Fail(s);
    if (Status s = WriteFileAtomically(EntryPath(out_dir, p, ".sketch"), data); !s.ok()) return Fail(s);
    records += index.size();
  }
  if (Status s = WriteDoneMarker(PathsFor(out_dir, shard, false).done,
                                 "{\"records\":" + std::to_string(records) + ",\"error_records\":0}");
      !s.ok())
    return Fail(s);
  return kExitOk;
}

int Cluster(const DedupConfig& config, const std::vector<std::string>& entries, const std::string& work,
            const std::string& out_dir) {
  MinHasher hasher(config.threshold, config.num_perm);
  DedupIndex index(&hasher, config.threshold);
  std::vector<uint32_t> first(entries.size() + 1, 0);  // first global index of each entry
  const std::string sign_dir = work + "/sign";
  for (size_t p = 0; p < entries.size(); ++p) {
    first[p] = static_cast<uint32_t>(index.size());
    std::string data;
    if (Status s = ReadAll(EntryPath(sign_dir, p, ".sketch"), &data); !s.ok()) return Fail(s);
    SketchHeader h;
    if (data.size() < sizeof h) return Fail(Status::IoError(EntryPath(sign_dir, p, ".sketch") + ": truncated"));
    std::memcpy(&h, data.data(), sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.num_perm != static_cast<uint32_t>(hasher.num_perm()) ||
        h.bands != static_cast<uint32_t>(hasher.lsh().bands) || h.threshold != config.threshold ||
        data.size() != sizeof h + h.count * hasher.sketch_bytes()) {
      std::fprintf(stderr, "qingxi dedup: %s: written with other options (--threshold, --num-perm) or "
                   "damaged; remove %s and run the batch again\n",
                   EntryPath(sign_dir, p, ".sketch").c_str(), work.c_str());
      return kExitUsage;
    }
    for (uint64_t i = 0; i < h.count; ++i)
      index.Append(reinterpret_cast<const uint8_t*>(data.data()) + sizeof h + i * hasher.sketch_bytes());
  }
  first[entries.size()] = static_cast<uint32_t>(index.size());
  index.Cluster();

  // The ids of roots with removed members, read from the ids files.
  std::unordered_map<uint32_t, std::string> root_ids;
  for (uint32_t i = 0; i < index.size(); ++i)
    if (!index.Kept(i)) root_ids.emplace(index.Root(i), std::string());
  for (size_t p = 0; p < entries.size() && !root_ids.empty(); ++p) {
    std::ifstream in(EntryPath(sign_dir, p, ".ids"));
    uint32_t g = first[p];
    for (std::string line; std::getline(in, line); ++g) {
      auto it = root_ids.find(g);
      if (it != root_ids.end()) it->second = nlohmann::json::parse(line, nullptr, false).get<std::string>();
    }
  }
  for (size_t p = 0; p < entries.size(); ++p) {
    std::string drops;
    char sim[32];
    for (uint32_t g = first[p]; g < first[p + 1]; ++g) {
      if (index.Kept(g)) continue;
      std::snprintf(sim, sizeof sim, "%.3f", index.Similarity(g));
      drops += std::to_string(g - first[p]) + "\t" + sim + "\t" + JsonString(root_ids[index.Root(g)]) + "\n";
    }
    if (Status s = WriteFileAtomically(EntryPath(out_dir, p, ".drop"), drops); !s.ok()) return Fail(s);
  }
  std::fprintf(stderr, "qingxi dedup: %zu records, %zu exact and %zu near duplicates removed\n", index.size(),
               index.removed_exact(), index.removed_near());
  if (Status s = WriteDoneMarker(PathsFor(out_dir, ShardSpec{0, 1}, false).done,
                                 "{\"records\":" + std::to_string(index.size()) + ",\"error_records\":0,\"removed\":" +
                                     std::to_string(index.removed_exact() + index.removed_near()) + "}");
      !s.ok())
    return Fail(s);
  return kExitOk;
}

int Filter(const DedupConfig& config, const std::vector<std::string>& entries, ShardSpec shard, const std::string& work,
           const std::string& out_dir, bool zstd) {
  const ShardPaths paths = PathsFor(out_dir, shard, zstd);
  JsonlSink sink;
  if (Status s = sink.Open(paths.output, /*resume=*/false, zstd); !s.ok()) return Fail(s);
  const std::string report_path = out_dir + "/report-" + std::to_string(shard.index) + ".jsonl";
  std::string report;
  uint64_t kept = 0;
  for (size_t p = 0; p < entries.size(); ++p) {
    if (static_cast<int>(p % static_cast<size_t>(shard.count)) != shard.index) continue;
    std::string drops;
    if (Status s = ReadAll(EntryPath(work + "/cluster", p, ".drop"), &drops); !s.ok()) return Fail(s);
    // (ordinal, similarity, duplicate_of) in ordinal order.
    std::unordered_map<uint64_t, std::pair<double, std::string>> drop;
    size_t pos = 0;
    while (pos < drops.size()) {
      size_t nl = drops.find('\n', pos);
      std::string line = drops.substr(pos, nl - pos);
      pos = nl == std::string::npos ? drops.size() : nl + 1;
      size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
      if (t1 == std::string::npos || t2 == std::string::npos) continue;
      drop[std::stoull(line.substr(0, t1))] = {std::atof(line.c_str() + t1 + 1),
                                               nlohmann::json::parse(line.substr(t2 + 1)).get<std::string>()};
    }
    uint64_t ordinal = 0;
    DedupFields fields;
    Status st = ForEachRecordLine(entries[p], [&](const std::string& line, uint64_t line_no) {
      auto it = drop.find(ordinal++);
      if (it == drop.end()) {
        ++kept;
        if (!config.signals) return sink.Write(line);
        int removed = 0;
        return sink.Write(RewriteKeptRecord(line, nullptr, /*add_signals=*/true, &removed));
      }
      ParseDedupFields(line, &fields);
      report += ReportLine(fields.id.empty() ? FallbackId(entries[p], line_no) : fields.id, it->second.second,
                           it->second.first) + "\n";
      return Status::Ok();
    });
    if (!st.ok()) return Fail(st);
  }
  if (Status s = WriteFileAtomically(report_path, report); !s.ok()) return Fail(s);
  if (Status s = sink.Commit(); !s.ok()) return Fail(s);
  if (Status s = WriteDoneMarker(paths.done, "{\"output\":\"" + paths.output + "\",\"records\":" +
                                                 std::to_string(kept) + ",\"error_records\":0}");
      !s.ok())
    return Fail(s);
  return kExitOk;
}

}  // namespace

Result<std::vector<std::string>> ReadManifestEntries(const std::string& path) {
  ManifestReader reader;
  if (Status st = reader.Open(path, ShardSpec{}); !st.ok()) return st;
  std::vector<std::string> entries;
  for (std::string entry; reader.Next(&entry);) entries.push_back(entry);
  if (!reader.status().ok()) return reader.status();
  return entries;
}

int RunDedupStage(const std::string& stage, const DedupConfig& config, const std::vector<std::string>& entries,
                  const std::string& shard_text, const std::string& out_dir, const std::string& work_dir,
                  bool zstd) {
  if (out_dir.empty() || work_dir.empty() || entries.empty()) {
    std::fprintf(stderr, "qingxi dedup: --stage needs --manifest, --out and --work\n");
    return kExitUsage;
  }
  if (config.lines) {
    std::fprintf(stderr, "qingxi dedup: --lines works in one process only; run `qingxi dedup --lines` "
                 "on the batch's output\n");
    return kExitUsage;
  }
  ShardSpec shard;
  if (!shard_text.empty()) {
    auto parsed = ParseShard(shard_text);
    if (!parsed.ok()) {
      std::fprintf(stderr, "qingxi dedup: %s\n", parsed.status().message().c_str());
      return kExitUsage;
    }
    shard = *parsed;
  }
  if (access(PathsFor(out_dir, shard, false).done.c_str(), F_OK) == 0) return kExitOk;  // done before
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return Fail(Status::IoError(out_dir + ": " + ec.message()));
  if (stage == "sign") return Sign(config, entries, shard, out_dir);
  if (stage == "cluster") return Cluster(config, entries, work_dir, out_dir);
  return Filter(config, entries, shard, work_dir, out_dir, zstd);
}

}  // namespace qingxi::cli
