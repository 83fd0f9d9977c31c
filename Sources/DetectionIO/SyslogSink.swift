import Foundation
import PalisadeCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Falco's `syslog_output`: one datagram per alert to the local syslog
/// socket (`/dev/log`) or to a UDP collector, in RFC 5424 or RFC 3164 form.
public final class SyslogSink: AlertSink, @unchecked Sendable {
    public enum Destination: Sendable, Hashable {
        case unixDatagram(path: String)
        case udp(host: String, port: Int)

        public static let devLog = Destination.unixDatagram(path: "/dev/log")
    }

    /// `user` (1), as the C library's syslog() uses by default.
    public static let userFacility = 1

    public let destination: Destination
    private let message: SyslogMessage
    private let socket: DatagramSocket
    private let counters = OutputCounters()

    public init(destination: Destination = .devLog, format: SyslogFormat = .rfc5424,
                facility: Int = userFacility, appName: String = "palisade", maxMessageBytes: Int = 8192) throws {
        self.destination = destination
        let hostname: String?
        switch destination {
        case .unixDatagram: hostname = format == .rfc5424 ? ProcessInfo.processInfo.hostName : nil
        case .udp: hostname = ProcessInfo.processInfo.hostName
        }
        self.message = SyslogMessage(format: format, facility: min(max(facility, 0), 23), hostname: hostname,
                                     appName: appName, processID: getpid(), maxBytes: max(64, maxMessageBytes))
        self.socket = try DatagramSocket(destination)
    }

    public func emit(_ alert: Alert, line: String) {
        let bytes = message.render(priority: alert.priority, time: alert.time, text: line)
        let ok = socket.send(bytes)
        counters.update { if ok { $0.delivered += 1 } else { $0.failed += 1 } }
    }

    public func close() { socket.close() }

    public var statistics: OutputStatistics { counters.snapshot }
}

/// A connectionless socket with a fixed peer address.
final class DatagramSocket: @unchecked Sendable {
    private let lock = NSLock()
    private var fd: Int32
    private var address: [UInt8]

    init(_ destination: SyslogSink.Destination) throws {
        switch destination {
        case .unixDatagram(let path):
            address = try Self.unixAddress(path)
            fd = Glibc.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        case .udp(let host, let port):
            let (family, bytes) = try Self.inetAddress(host: host, port: port)
            address = bytes
            fd = Glibc.socket(family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        guard fd >= 0 else {
            throw AuditWebhookError.invalidConfiguration("syslog socket: \(String(cString: strerror(errno)))")
        }
    }

    deinit { close() }

    func send(_ bytes: [UInt8]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard fd >= 0 else { return false }
        let sent = bytes.withUnsafeBytes { payload in
            address.withUnsafeBytes { raw in
                sendto(fd, payload.baseAddress, payload.count, Int32(MSG_NOSIGNAL),
                       raw.baseAddress?.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
            }
        }
        return sent == bytes.count
    }

    func close() {
        lock.lock()
        if fd >= 0 { FileDescriptorWriter.close(fd) }
        fd = -1
        lock.unlock()
    }

    private static func unixAddress(_ path: String) throws -> [UInt8] {
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: addr.sun_path)
        guard !pathBytes.isEmpty, pathBytes.count < capacity else {
            throw AuditWebhookError.invalidConfiguration("syslog socket path too long or empty: \(path)")
        }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (index, byte) in pathBytes.enumerated() { raw[index] = byte }
        }
        return withUnsafeBytes(of: &addr) { Array($0) }
    }

    private static func inetAddress(host: String, port: Int) throws -> (Int32, [UInt8]) {
        guard (1...65535).contains(port) else { throw AuditWebhookError.invalidConfiguration("syslog UDP port \(port)") }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_DGRAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
            throw AuditWebhookError.invalidConfiguration("cannot resolve syslog host \(host)")
        }
        defer { freeaddrinfo(result) }
        let bytes = Array(UnsafeRawBufferPointer(start: first.pointee.ai_addr, count: Int(first.pointee.ai_addrlen)))
        return (first.pointee.ai_family, bytes)
    }
}
