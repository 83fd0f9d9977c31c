import XCTest
@testable import Detection

/// Reading the six regression captures. Event counts are the number of
/// event blocks in each file; the field values below are what the capture
/// records (decoded independently from its blocks: `cat /dev/null` run from
/// bash, a connect to 127.0.0.1:80, python opening /tmp/file-N).
final class SyscallEventsCaptureTests: XCTestCase {
    typealias Support = SyscallEventsTestSupport

    func testEventCounts() throws {
        let expected = ["cat_write": 345, "connect_localhost": 374, "empty": 143, "open-multiple-files": 1272,
                        "ping_sendto": 1526, "syscall": 368]
        for (name, count) in expected {
            let events = try Support.capture(name)
            XCTAssertEqual(events.count, count, name)
            XCTAssertEqual(events.map(\.number), events.map(\.number).sorted(), name)
        }
    }

    func testCatWriteExecveAndOpen() throws {
        let events = try Support.capture("cat_write")
        let execve = try XCTUnwrap(events.first { $0.type == "execve" })
        XCTAssertEqual(execve.direction, .exit)
        XCTAssertEqual(Support.text("proc.name", execve), "cat")
        XCTAssertEqual(Support.text("proc.cmdline", execve), "cat /dev/null")
        XCTAssertEqual(Support.text("proc.args", execve), "/dev/null")
        XCTAssertEqual(Support.text("proc.pname", execve), "bash")
        XCTAssertEqual(Support.text("proc.pid", execve), "20072")
        XCTAssertEqual(Support.text("proc.ppid", execve), "11310")
        XCTAssertEqual(Support.text("evt.res", execve), "SUCCESS")
        XCTAssertEqual(Support.text("evt.dir", execve), "<")
        // Not in the process list: credentials come from the parent bash,
        // which the capture's process and user lists give as user mstemm.
        XCTAssertEqual(Support.text("user.name", execve), "mstemm")

        let opens = events.filter { $0.type == "open" && $0.thread?.info.comm == "cat" }
        XCTAssertEqual(opens.count, 8)
        let devNull = try XCTUnwrap(opens.first { $0.fd?.name == "/dev/null" })
        XCTAssertEqual(Support.text("fd.typechar", devNull), "f")
        XCTAssertEqual(Support.text("fd.type", devNull), "file")
        XCTAssertEqual(Support.text("fd.directory", devNull), "/dev")
        XCTAssertEqual(Support.text("fd.filename", devNull), "null")
        XCTAssertEqual(Support.text("fd.num", devNull), "3")
        XCTAssertEqual(Support.text("evt.is_open_read", devNull), "true")
        XCTAssertEqual(Support.text("evt.is_open_write", devNull), "false")
        XCTAssertEqual(Support.text("evt.arg.flags", devNull), "O_RDONLY")
        XCTAssertEqual(Support.text("evt.rawarg.flags", devNull), "1")
        XCTAssertEqual(Support.text("evt.arg.fd", devNull), "<f>/dev/null")
        XCTAssertEqual(Support.text("evt.rawarg.fd", devNull), "3")

        let failedAccess = try XCTUnwrap(events.first { $0.type == "access" && $0.direction == .exit })
        XCTAssertEqual(Support.text("evt.res", failedAccess), "ENOENT")
        XCTAssertEqual(Support.text("evt.rawres", failedAccess), "-2")
        XCTAssertEqual(Support.text("evt.failed", failedAccess), "true")
    }

    func testCatWriteFdLifecycle() throws {
        let events = try Support.capture("cat_write")
        let devNullEvents = events.filter { $0.fd?.name == "/dev/null" }
        // open exit, fstat, read, close (enter and exit of the last three).
        XCTAssertEqual(devNullEvents.map(\.type), ["open", "fstat", "fstat", "read", "read", "close", "close"])
        let exit = try XCTUnwrap(events.last { $0.type == "procexit" })
        XCTAssertEqual(Support.text("proc.name", exit), "cat")
    }

    func testConnectLocalhost() throws {
        let events = try Support.capture("connect_localhost")
        let connect = try XCTUnwrap(events.first { $0.type == "connect" && $0.direction == .exit })
        XCTAssertEqual(Support.text("fd.name", connect), "127.0.0.1:47192->127.0.0.1:80")
        XCTAssertEqual(Support.text("fd.sport", connect), "80")
        XCTAssertEqual(Support.text("fd.cport", connect), "47192")
        XCTAssertEqual(Support.text("fd.lport", connect), "47192")
        XCTAssertEqual(Support.text("fd.rport", connect), "80")
        XCTAssertEqual(Support.text("fd.sip", connect), "127.0.0.1")
        XCTAssertEqual(Support.text("fd.l4proto", connect), "tcp")
        XCTAssertEqual(Support.text("fd.typechar", connect), "4")
        XCTAssertEqual(Support.text("evt.res", connect), "EINPROGRESS")
        XCTAssertTrue(try Support.matches("evt.type=connect and fd.net in (\"127.0.0.1/24\")", connect))
        XCTAssertFalse(try Support.matches("fd.snet = \"10.0.0.0/8\"", connect))
        let socket = try XCTUnwrap(events.first { $0.type == "socket" && $0.direction == .enter })
        XCTAssertEqual(Support.text("evt.arg.domain", socket), "AF_INET")
    }

    func testOpenMultipleFilesAndContainers() throws {
        let events = try Support.capture("open-multiple-files")
        let names = events.filter { $0.type == "open" && $0.direction == .exit }.compactMap { $0.fd?.name }
        XCTAssertTrue(names.contains("/tmp/file-1"))
        XCTAssertTrue(names.contains("/tmp/file-13"))
        let python = try XCTUnwrap(events.first { $0.fd?.name == "/tmp/file-1" })
        XCTAssertEqual(Support.text("proc.name", python), "python")
        let container = try XCTUnwrap(events.first { $0.type == "container" })
        XCTAssertTrue(Support.text("evt.arg.json", container)?.contains("sysdig/falco:latest") ?? false)
    }

    func testGenericSyscallNamesAndSendmsg() throws {
        let madvise = try Support.capture("syscall").filter { $0.type == "madvise" }
        XCTAssertEqual(madvise.filter { $0.direction == .exit }.count, 2)
        let ping = try Support.capture("ping_sendto")
        XCTAssertEqual(ping.filter { $0.type == "sendmsg" }.count, 20)
        XCTAssertEqual(try Support.capture("empty").filter { $0.type != "procinfo" }.count, 0)
    }
}
