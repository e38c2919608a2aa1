// Only documents become records: a folder of saved pages with the files a crawl leaves beside
// them (robots.txt, stylesheets, scripts, JSON, the URL list, a log, images), and a WARC written
// by Debian's wget from a loopback nginx site, clean to one record per page, and every skipped
// input is counted by reason in the summary and in --stats.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "fetch_test_servers.h"
#include "qingxi/record.h"
#include "test_util.h"

namespace qingxi {
namespace {

using testing::BinaryPath;
using testing::NginxSite;
using testing::ParseRecords;
using testing::ReadFile;
using testing::RunCommand;
using testing::TempDir;
using testing::WriteFile;

std::string Page(int i, const std::string& links = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>第" + std::to_string(i) +
         "号公告</title><link rel=\"stylesheet\" href=\"/static/site.css\">"
         "<script src=\"/static/app.js\"></script></head><body><div class=\"article\">"
         "<p>这是第" +
         std::to_string(i) +
         "号公告的正文，涉及本市公共交通线路的调整安排。</p>"
         "<p>自下月起，部分线路的首末班时间将有所变化，请市民留意车站公告。</p></div>" +
         links + "</body></html>\n";
}

const char kCss[] =
    "body { font-family: \"Microsoft YaHei\", sans-serif; }\n.article p { line-height: 1.8; }\n";
const char kJs[] =
    "(function(){ var s = document.createElement('script'); s.src = '//hm.example.test/hm.js'; "
    "})();\n";

TEST(CliCleanDocuments, AFolderGivesRecordsForThePagesOnly) {
  std::string dir = TempDir();
  std::string in = dir + "/site";
  std::filesystem::create_directories(in + "/news");
  std::filesystem::create_directories(in + "/static");
  WriteFile(in + "/news/1.html", Page(1));
  WriteFile(in + "/news/2.htm", Page(2));
  WriteFile(in + "/news/3", Page(3));  // a page saved without an extension: sniffed
  WriteFile(in + "/notes.txt", "本周工作安排如下：\n周一召开例会，周三检查安全生产。\n");
  WriteFile(in + "/robots.txt",
            "User-agent: *\nDisallow: /admin/\nSitemap: http://example.test/sitemap.xml\n");
  WriteFile(in + "/static/site.css", kCss);
  WriteFile(in + "/static/app.js", kJs);
  WriteFile(in + "/static/data.json", "{\"list\":[{\"title\":\"第一条\"}]}\n");
  WriteFile(in + "/urls.txt",
            "# seeds\nhttp://example.test/news/1.html\nhttps://example.test/news/2.htm\n\n");
  WriteFile(in + "/wget.log",
            "--2024-01-01 10:00:00--  http://example.test/\nConnecting... connected.\n");
  WriteFile(in + "/static/logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string out;
  ASSERT_EQ(RunCommand(BinaryPath() + " clean --threads 2 --stats " + dir + "/stats.json " + in +
                           " 2>" + dir + "/err.txt",
                       &out),
            0)
      << ReadFile(dir + "/err.txt");
  auto recs = ParseRecords(out);
  std::set<std::string> sources;
  for (const auto& r : recs) {
    EXPECT_FALSE(r.is_error()) << r.source << ": " << r.error;
    sources.insert(std::filesystem::path(r.source).lexically_relative(in).string());
  }
  EXPECT_EQ(sources, (std::set<std::string>{"news/1.html", "news/2.htm", "news/3", "notes.txt"}));

  auto stats = nlohmann::json::parse(ReadFile(dir + "/stats.json"));
  EXPECT_EQ(stats["records"], 4);
  EXPECT_EQ(stats["skipped"], nlohmann::json({{"binary", 1},
                                              {"json", 1},
                                              {"log", 1},
                                              {"robots_txt", 1},
                                              {"script", 1},
                                              {"stylesheet", 1},
                                              {"url_list", 1}}));
  std::string err = ReadFile(dir + "/err.txt");
  EXPECT_NE(err.find("7 inputs not documents"), std::string::npos) << err;
  EXPECT_NE(err.find("robots_txt=1"), std::string::npos) << err;

  // Named on the command line, a file is read whatever it is: the user asked for it.
  ASSERT_EQ(RunCommand(BinaryPath() + " clean -q " + in + "/robots.txt", &out), 0);
  EXPECT_EQ(ParseRecords(out).size(), 1u);
}

// wget -r -p fetches the pages and what they need (stylesheet, script, robots.txt) and writes
// its own log and arguments as resource records at the end of the WARC.
TEST(CliCleanDocuments, AWgetWarcCleansToOneRecordPerFetchedPage) {
  if (access("/usr/bin/wget", X_OK) != 0)
    GTEST_SKIP() << "wget is not installed (apt-get install wget); skipping";
  NginxSite site;
  constexpr int kPages = 6;
  for (int i = 0; i < kPages; ++i) {
    std::string links = "<ul>";
    for (int k = 0; k < kPages; ++k)
      links += "<li><a href=\"/news/" + std::to_string(k) + ".html\">第" + std::to_string(k) +
               "号</a></li>";
    site.WriteSiteFile("news/" + std::to_string(i) + ".html", Page(i, links + "</ul>"));
  }
  site.WriteSiteFile("static/site.css", kCss);
  site.WriteSiteFile("static/app.js", kJs);
  site.WriteSiteFile("robots.txt", "User-agent: *\nDisallow: /admin/\n");
  std::string error;
  int rc = site.Start(120, &error);
  if (rc == 77) GTEST_SKIP() << "nginx is not installed (apt-get install nginx-light); skipping";
  ASSERT_EQ(rc, 0) << error;

  std::string dir = TempDir();
  ASSERT_EQ(RunCommand("cd " + dir +
                       " && timeout 120 /usr/bin/wget -q -r -l 2 -p -P mirror --warc-file=" + dir +
                       "/crawl " + site.Url("/news/0.html") + " 2>" + dir + "/wget.err"),
            0)
      << ReadFile(dir + "/wget.err");
  ASSERT_TRUE(std::filesystem::exists(dir + "/crawl.warc.gz"));
  // What wget fetched, from the server's side: the pages among the 200 responses.
  std::set<std::string> fetched_pages;
  for (const std::string& line : site.AccessLog()) {
    size_t get = line.find("\"GET ");
    if (get == std::string::npos || line.find("\" 200 ", get) == std::string::npos) continue;
    std::string path = line.substr(get + 5, line.find(' ', get + 5) - get - 5);
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0)
      fetched_pages.insert(site.Url(path));
  }
  ASSERT_EQ(fetched_pages.size(), static_cast<size_t>(kPages));

  std::string out;
  ASSERT_EQ(RunCommand(BinaryPath() + " clean --stats " + dir + "/stats.json " + dir +
                           "/crawl.warc.gz 2>" + dir + "/err.txt",
                       &out),
            0)
      << ReadFile(dir + "/err.txt");
  std::set<std::string> urls;
  for (const auto& r : ParseRecords(out)) {
    EXPECT_FALSE(r.is_error()) << r.url << ": " << r.error;
    EXPECT_FALSE(r.text.empty()) << r.url;
    urls.insert(r.url);
  }
  EXPECT_EQ(ParseRecords(out).size(), static_cast<size_t>(kPages));
  EXPECT_EQ(urls, fetched_pages);
  auto stats = nlohmann::json::parse(ReadFile(dir + "/stats.json"));
  EXPECT_EQ(stats["skipped"]["robots_txt"], 1);
  EXPECT_EQ(stats["skipped"]["stylesheet"], 1);
  EXPECT_EQ(stats["skipped"]["script"], 1);
  EXPECT_EQ(stats["skipped"]["warc_metadata"], 2);  // wget_arguments.txt and wget.log
}

}  // namespace
}  // namespace qingxi
