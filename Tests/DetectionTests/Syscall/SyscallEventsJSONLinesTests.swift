import XCTest
@testable import Detection

/// The JSON-lines format: a capture written and read back gives the same
/// field values; malformed input fails with the line number.
final class SyscallEventsJSONLinesTests: XCTestCase {
    typealias Support = SyscallEventsTestSupport

    static let fields = ["evt.num", "evt.type", "evt.dir", "evt.args", "evt.res", "evt.rawres", "evt.arg.flags",
                         "evt.is_open_read", "proc.name", "proc.pname", "proc.aname[2]", "proc.cmdline", "proc.exepath",
                         "proc.cwd", "proc.pid", "proc.ppid", "user.name", "user.uid", "group.name", "fd.name",
                         "fd.num", "fd.typechar", "fd.directory", "fd.filename", "fd.sport", "fd.l4proto",
                         "container.id", "evt.time.iso8601"]

    func testCaptureRoundTrip() throws {
        for capture in ["cat_write", "connect_localhost"] {
            let events = try Support.capture(capture)
            let text = SyscallJSONLines.write(events)
            XCTAssertEqual(text.split(separator: "\n").count, events.count)
            let back = try SyscallJSONLines.read(bytes: Array(text.utf8), name: "roundtrip.jsonl")
            XCTAssertEqual(back.count, events.count)
            for (original, decoded) in zip(events, back) {
                for field in Self.fields {
                    XCTAssertEqual(Support.text(field, decoded), Support.text(field, original),
                                   "\(capture) event \(original.number) \(field)")
                }
            }
        }
    }

    func testReplayDetectsJSONLinesByContent() throws {
        let events = try Support.capture("connect_localhost")
        let path = NSTemporaryDirectory() + "syscall-events-\(getpid()).jsonl"
        try SyscallJSONLines.write(events).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let replayed = try SyscallReplay.load(path: path)
        XCTAssertEqual(replayed.count, events.count)
        XCTAssertEqual(replayed.first { $0.type == "connect" && $0.direction == .exit }?.fd?.name,
                       "127.0.0.1:47192->127.0.0.1:80")
    }

    func testHandWrittenLine() throws {
        let line = """
        {"v":1,"num":12,"ts":1700000000000000000,"dir":"<","type":"openat","params":[{"name":"fd","type":"fd","value":4},\
        {"name":"name","value":"/etc/passwd"},{"name":"flags","table":"openFlags","value":"O_RDONLY|O_CLOEXEC"}],\
        "thread":{"tid":42,"pid":42,"comm":"python3","exe":"python3","exepath":"/usr/bin/python3","args":["app.py"],\
        "uid":1000,"user":{"name":"app"},"container_id":"3ad7b26ded6d"},"ancestors":[{"tid":7,"pid":7,"comm":"bash"},\
        {"tid":1,"pid":1,"comm":"systemd"}],"fd":{"num":4,"type":"file","name":"/etc/passwd","flags":4097},\
        "container":{"id":"3ad7b26ded6d","repository":"nginx","privileged":false,"namespace":"web"}}
        """
        let events = try SyscallJSONLines.read(bytes: Array((line + "\n\n").utf8), name: "x.jsonl")
        let event = try XCTUnwrap(events.first)
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(Support.text("evt.num", event), "12")
        XCTAssertEqual(Support.text("proc.cmdline", event), "python3 app.py")
        XCTAssertEqual(Support.text("proc.aname[2]", event), "systemd")
        XCTAssertEqual(Support.text("user.name", event), "app")
        XCTAssertEqual(Support.text("evt.rawarg.flags", event), "4097")
        XCTAssertEqual(Support.text("evt.is_open_read", event), "true")
        XCTAssertEqual(Support.text("container.image.repository", event), "nginx")
        XCTAssertEqual(Support.text("k8s.ns.name", event), "web")
    }

    func testErrorsCarryLineNumbers() {
        let text = "{\"type\":\"open\"}\n{\"type\":\n"
        XCTAssertThrowsError(try SyscallJSONLines.read(bytes: Array(text.utf8), name: "bad.jsonl")) { error in
            XCTAssertTrue("\(error)".hasPrefix("bad.jsonl:2:"), "\(error)")
        }
        XCTAssertThrowsError(try SyscallJSONLines.read(bytes: Array("{\"v\":2,\"type\":\"x\"}".utf8), name: "v.jsonl")) { error in
            XCTAssertTrue("\(error)".contains("v.jsonl:1: unsupported format version 2"), "\(error)")
        }
        let long = "{\"type\":\"" + String(repeating: "a", count: SyscallJSONLines.maxLineBytes) + "\"}"
        XCTAssertThrowsError(try SyscallJSONLines.read(bytes: Array(long.utf8), name: "long.jsonl")) { error in
            XCTAssertTrue("\(error)".contains("long.jsonl:1: line longer than"), "\(error)")
        }
    }
}
