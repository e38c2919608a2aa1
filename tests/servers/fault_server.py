#!/usr/bin/env python3
"""A scriptable HTTP server on loopback that misbehaves on request, for the fetch tests.

Python standard library only. It binds 127.0.0.1 (or --host, which must be a loopback
address) on an ephemeral port, prints "PORT <n>" on the first line of standard output, and
exits by itself after --time-limit seconds, so a crashed test never leaves it behind.

Every request is logged as one JSON line {"t": monotonic seconds, "method", "path", "ua",
"inm", "ims", "ae", "conn"} to --log (flushed per line) and is also served back by GET /log,
so tests can assert at the server what was requested and when (time.monotonic() is
CLOCK_MONOTONIC, the same clock as std::chrono::steady_clock on Linux).

Routes (query parameters in brackets):
  /robots.txt                 --robots FILE (200), or --robots-status CODE, else 404
  /page/<name>, /private/<n>  small UTF-8 HTML page naming its path
  /slow[?delay=S]             waits S seconds (default 5) before answering
  /trickle[?bytes=N&interval=S]  sends N bytes one at a time, S seconds apart (low speed)
  /status/<code>[?retry_after=V]  answers <code> with an optional Retry-After value
  /flaky/<key>[?fail=N&code=C&retry_after=V]  first N requests per key answer C, then 200
  /reset                      closes the connection without a response (TCP RST)
  /redirect/<n>               a chain of n redirects ending at /page/final
  /loop/a, /loop/b            a redirect loop
  /goto?to=URL                a redirect to URL (relative or absolute)
  /charset/missing            UTF-8 HTML without any charset declaration
  /charset/wrong              UTF-8 HTML labelled charset=iso-8859-1
  /gbk, /gbk-meta             GBK bytes, declared in the header / only in a <meta>
  /big5                       Big5 bytes, declared in the header
  /big[?bytes=N]              an N-byte body with Content-Length
  /big-chunked[?bytes=N]      an N-byte body, chunked (no length known in advance)
  /type[?ct=T]                a body with Content-Type T
  /etag                       ETag and Last-Modified; 304 on a matching conditional request
  /gzip                       gzip-encoded HTML when the client accepts gzip
  /echo-headers               the request headers, as text/plain
  /log                        the request log, JSON lines
"""
import argparse
import gzip
import json
import os
import socket
import struct
import sys
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ARGS = None
LOG_LOCK = threading.Lock()
LOG_LINES = []
LOG_FILE = None
FLAKY = {}
ETAG = '"qx-etag-1"'
LAST_MODIFIED_TS = 1700000000  # 2023-11-14T22:13:20Z
ZH_TEXT = "清洗测试页面：这是一段用于检验抓取的中文文字。"


def html_page(title, body):
    return ("<!DOCTYPE html><html><head><title>%s</title></head><body><p>%s</p></body></html>"
            % (title, body))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so the client can reuse connections
    server_version = "qingxi-fault/1"
    # Headers and body go out in two writes; without TCP_NODELAY, Nagle plus the client's
    # delayed ACK would add ~40 ms to every keep-alive response.
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):  # silence the default stderr log
        pass

    def record(self):
        entry = {
            "t": time.monotonic(),
            "method": self.command,
            "path": self.path,
            "ua": self.headers.get("User-Agent", ""),
            "inm": self.headers.get("If-None-Match", ""),
            "ims": self.headers.get("If-Modified-Since", ""),
            "ae": self.headers.get("Accept-Encoding", ""),
            "port": self.client_address[1],
        }
        line = json.dumps(entry, ensure_ascii=False)
        with LOG_LOCK:
            LOG_LINES.append(line)
            if LOG_FILE:
                LOG_FILE.write(line + "\n")
                LOG_FILE.flush()

    def send(self, code, body=b"", ctype="text/html; charset=utf-8", headers=None):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and code != 304:
            self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        self.record()
        url = urlsplit(self.path)
        path = url.path
        q = {k: v[-1] for k, v in parse_qs(url.query).items()}
        try:
            self.route(path, q)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def route(self, path, q):
        if path == "/log":
            with LOG_LOCK:
                data = "".join(l + "\n" for l in LOG_LINES)
            return self.send(200, data, "application/x-ndjson")
        if path == "/robots.txt":
            if ARGS.robots:
                with open(ARGS.robots, "rb") as f:
                    return self.send(200, f.read(), "text/plain")
            return self.send(ARGS.robots_status, "no robots here", "text/plain")
        if path.startswith("/page/") or path.startswith("/private/") or path == "/":
            return self.send(200, html_page(path, ZH_TEXT + " " + path))
        if path == "/slow":
            time.sleep(float(q.get("delay", "5")))
            return self.send(200, html_page("slow", ZH_TEXT))
        if path == "/trickle":
            n = int(q.get("bytes", "100"))
            interval = float(q.get("interval", "1"))
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(n))
            self.end_headers()
            for _ in range(n):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(interval)
            return
        if path.startswith("/status/"):
            code = int(path.split("/")[2])
            headers = {}
            if "retry_after" in q:
                headers["Retry-After"] = q["retry_after"]
            return self.send(code, html_page(str(code), "status %d" % code), headers=headers)
        if path.startswith("/flaky/"):
            key = path
            with LOG_LOCK:
                FLAKY[key] = FLAKY.get(key, 0) + 1
                count = FLAKY[key]
            if count <= int(q.get("fail", "2")):
                code = int(q.get("code", "503"))
                headers = {}
                if "retry_after" in q:
                    headers["Retry-After"] = q["retry_after"]
                return self.send(code, html_page("fail", "try later"), headers=headers)
            return self.send(200, html_page("ok", ZH_TEXT + " attempt %d" % count))
        if path == "/reset":
            # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        if path.startswith("/redirect/"):
            n = int(path.split("/")[2])
            target = "/page/final" if n <= 1 else "/redirect/%d" % (n - 1)
            return self.send(302, "", None, {"Location": target})
        if path == "/goto":
            return self.send(302, "", None, {"Location": q.get("to", "/")})
        if path == "/loop/a":
            return self.send(301, "", None, {"Location": "/loop/b"})
        if path == "/loop/b":
            return self.send(301, "", None, {"Location": "/loop/a"})
        if path == "/charset/missing":
            return self.send(200, html_page("missing", ZH_TEXT), "text/html")
        if path == "/charset/wrong":
            return self.send(200, html_page("wrong", ZH_TEXT), "text/html; charset=iso-8859-1")
        if path == "/gbk":
            return self.send(200, html_page("gbk", ZH_TEXT).encode("gbk"), "text/html; charset=gbk")
        if path == "/gbk-meta":
            page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
                    "</head><body><p>%s</p></body></html>" % ZH_TEXT)
            return self.send(200, page.encode("gbk"), "text/html")
        if path == "/big5":
            trad = "清洗測試頁面：這是一段用於檢驗抓取的中文文字。"
            return self.send(200, html_page("big5", trad).encode("big5"), "text/html; charset=big5")
        if path == "/big":
            n = int(q.get("bytes", str(1 << 20)))
            return self.send(200, b"a" * n, "text/plain")
        if path == "/big-chunked":
            n = int(q.get("bytes", str(1 << 20)))
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"b" * 16384
            sent = 0
            while sent < n:
                part = chunk[: min(len(chunk), n - sent)]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                sent += len(part)
            self.wfile.write(b"0\r\n\r\n")
            return
        if path == "/type":
            return self.send(200, b"%PDF-1.4 not html" * 100, q.get("ct", "application/pdf"))
        if path == "/etag":
            lm = formatdate(LAST_MODIFIED_TS, usegmt=True)
            headers = {"ETag": ETAG, "Last-Modified": lm}
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            if inm is not None:
                if ETAG in [t.strip() for t in inm.split(",")] or inm.strip() == "*":
                    return self.send(304, b"", None, headers)
            elif ims is not None:
                try:
                    if parsedate_to_datetime(ims).timestamp() >= LAST_MODIFIED_TS:
                        return self.send(304, b"", None, headers)
                except (TypeError, ValueError):
                    pass
            return self.send(200, html_page("etag", ZH_TEXT * 20), headers=headers)
        if path == "/gzip":
            body = html_page("gzip", ZH_TEXT * 200).encode("utf-8")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                return self.send(200, gzip.compress(body), headers={"Content-Encoding": "gzip",
                                                                    "Vary": "Accept-Encoding"})
            return self.send(200, body)
        if path == "/echo-headers":
            return self.send(200, "".join("%s: %s\n" % kv for kv in self.headers.items()),
                             "text/plain; charset=utf-8")
        return self.send(404, html_page("404", "not found"))


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # /reset closes sockets under the handler on purpose; say nothing about it.
        pass


def main():
    global ARGS, LOG_FILE
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--time-limit", type=float, default=120)
    p.add_argument("--log", default="")
    p.add_argument("--robots", default="", help="file served as /robots.txt")
    p.add_argument("--robots-status", type=int, default=404)
    ARGS = p.parse_args()
    if ARGS.host not in ("127.0.0.1", "::1", "localhost"):
        sys.exit("fault_server: refusing to listen on a non-loopback address")
    if ARGS.log:
        LOG_FILE = open(ARGS.log, "a", encoding="utf-8")
    if ":" in ARGS.host:
        Server.address_family = socket.AF_INET6
    server = Server((ARGS.host, ARGS.port), Handler)
    timer = threading.Timer(ARGS.time_limit, lambda: os._exit(0))
    timer.daemon = True
    timer.start()
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever(poll_interval=0.1)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
