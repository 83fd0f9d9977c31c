import DetectionIO
import Foundation
import PalisadeCore
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// syslog_output: RFC 5424 over a unix datagram socket (like /dev/log) and
/// RFC 3164 over UDP; the syslog severity is Falco's priority.
final class OutputsSyslogSinkTests: XCTestCase {
    func testRFC5424OverUnixDatagramSocket() throws {
        let directory = try AuditServerTestSupport.temporaryDirectory("syslog")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.sock").path
        let receiver = try DatagramReceiver(unixPath: path)
        defer { receiver.close() }
        let sink = try SyslogSink(destination: .unixDatagram(path: path), format: .rfc5424)
        defer { sink.close() }
        sink.emit(OutputsTestSupport.alert(priority: .critical), line: "critical line")
        sink.emit(OutputsTestSupport.alert(priority: .debug), line: "debug line")
        // user facility (1) × 8 + severity: critical 2, debug 7.
        let first = try XCTUnwrap(receiver.receive())
        XCTAssertTrue(first.hasPrefix("<10>1 2023-11-14T22:13:20Z "), first)
        XCTAssertTrue(first.contains(" palisade \(getpid()) - - critical line"), first)
        let second = try XCTUnwrap(receiver.receive())
        XCTAssertTrue(second.hasPrefix("<15>1 "), second)
        XCTAssertEqual(sink.statistics.delivered, 2)
    }

    func testRFC3164OverUDP() throws {
        let receiver = try DatagramReceiver(udpLoopback: ())
        defer { receiver.close() }
        let sink = try SyslogSink(destination: .udp(host: "127.0.0.1", port: receiver.port), format: .rfc3164)
        defer { sink.close() }
        sink.emit(OutputsTestSupport.alert(priority: .warning), line: "warning line")
        let message = try XCTUnwrap(receiver.receive())
        XCTAssertTrue(message.hasPrefix("<12>Nov 14 22:13:20 "), message)
        XCTAssertTrue(message.hasSuffix(" palisade[\(getpid())]: warning line"), message)
    }

    func testMissingSocketCountsFailure() throws {
        let sink = try SyslogSink(destination: .unixDatagram(path: "/nonexistent/palisade.sock"))
        sink.emit(OutputsTestSupport.alert(), line: "x")
        XCTAssertEqual(sink.statistics.failed, 1)
    }
}

/// A datagram socket the test reads from (receive times out after 5 s).
private final class DatagramReceiver {
    private var fd: Int32
    private(set) var port = 0

    init(unixPath path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard fd >= 0, result == 0 else { throw POSIXError(.EADDRINUSE) }
        setTimeout()
    }

    init(udpLoopback: Void) throws {
        fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw POSIXError(.EADDRINUSE) }
        port = Int(UInt16(bigEndian: address.sin_port))
        setTimeout()
    }

    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }

    func close() {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }

    private func setTimeout() {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }
}
