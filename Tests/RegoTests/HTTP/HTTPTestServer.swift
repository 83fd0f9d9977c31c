import Foundation

/// A real HTTP server on 127.0.0.1 for the http.send tests: a small Python
/// `http.server` script written to a temporary directory, run as a child
/// process and stopped by its PID.
final class HTTPTestServer: @unchecked Sendable {
    let port: Int
    private let process = Process()
    private let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("palisade-http-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("server.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)

        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        var buffer = Data()
        let handle = output.fileHandleForReading
        while !buffer.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        port = Int(String(decoding: buffer, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    var base: String { "http://127.0.0.1:\(port)" }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private static let script = #"""
import json, socket, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

counters = {}
lock = threading.Lock()

def bump(name):
    with lock:
        counters[name] = counters.get(name, 0) + 1
        return counters[name]

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def send(self, code, body, content_type="text/plain", headers=()):
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def handle_any(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = url.path
        if path == "/json":
            self.send(200, json.dumps({"hello": "world", "n": 1}), "application/json")
        elif path == "/echo":
            echo = {"method": self.command, "path": self.path,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": body.decode("utf-8", "replace")}
            self.send(200, json.dumps(echo), "application/json; charset=utf-8",
                      [("X-Multi", "one"), ("X-Test", "yes")])
        elif path.startswith("/status/"):
            code = int(path.split("/")[2])
            self.send(code, "status %d" % code)
        elif path == "/slow":
            time.sleep(int(query.get("ms", ["1000"])[0]) / 1000.0)
            self.send(200, "slow")
        elif path == "/big":
            self.send(200, b"x" * (17 * 1024 * 1024))
        elif path == "/bigstream":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            chunk = b"y" * (1024 * 1024)
            try:
                for _ in range(20):
                    self.wfile.write(chunk)
            except OSError:
                pass
        elif path == "/yaml":
            self.send(200, "a: 1\nb: [x, y]\n", "application/yaml")
        elif path == "/text":
            self.send(200, '{"a": 1}', "text/plain")
        elif path == "/badjson":
            self.send(200, '{"a": ', "application/json")
        elif path == "/redirect":
            self.send(302, "moved", "text/plain", [("Location", "/json")])
        elif path == "/loop":
            self.send(302, "again", "text/plain", [("Location", "/loop")])
        elif path == "/counter":
            n = bump("counter")
            self.send(200, json.dumps({"count": n}), "application/json",
                      [("Cache-Control", "max-age=3600")])
        elif path == "/nostore":
            n = bump("nostore")
            self.send(200, json.dumps({"count": n}), "application/json", [("Cache-Control", "no-store")])
        elif path == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                bump("etag-304")
                self.send_response(304)
                self.send_header("ETag", '"v1"')
                self.send_header("X-Revalidated", "yes")
                self.end_headers()
            else:
                n = bump("etag-200")
                self.send(200, json.dumps({"full": n}), "application/json",
                          [("ETag", '"v1"'), ("Cache-Control", "max-age=0")])
        elif path == "/stats":
            with lock:
                self.send(200, json.dumps(counters), "application/json")
        elif path == "/dropfirst":
            key = "drop-" + query.get("id", [""])[0]
            if bump(key) == 1:
                self.connection.shutdown(socket.SHUT_RDWR)
                self.connection.close()
                return
            self.send(200, json.dumps({"attempts": counters[key]}), "application/json")
        else:
            self.send(404, "not found")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = handle_any

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
"""#
}
