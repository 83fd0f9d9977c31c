import Foundation
import PalisadeCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Falco's `file_output`: appends one line per alert. `reopen()` (also on
/// SIGHUP after `reopenOnHangup()`) lets log rotation move the file away.
public final class FileSink: AlertSink, @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private var fd: Int32 = -1
    private let counters = OutputCounters()
    private var hangupSource: (any DispatchSourceSignal)?

    public init(path: String) throws {
        self.path = path
        try reopen()
    }

    deinit {
        if fd >= 0 { FileDescriptorWriter.close(fd) }
    }

    /// Closes and opens the file again (created 0600 when missing).
    public func reopen() throws {
        let newFD = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard newFD >= 0 else {
            throw AuditWebhookError.invalidConfiguration("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        lock.lock()
        let old = fd
        fd = newFD
        lock.unlock()
        if old >= 0 { FileDescriptorWriter.close(old) }
    }

    /// Reopens the file whenever the process receives SIGHUP (as Falco does).
    public func reopenOnHangup() {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP)
        source.setEventHandler { [weak self] in try? self?.reopen() }
        source.resume()
        lock.lock()
        hangupSource = source
        lock.unlock()
    }

    public func emit(_ alert: Alert, line: String) {
        lock.lock()
        let ok = fd >= 0 && FileDescriptorWriter.writeAll(fd, Array((line + "\n").utf8))
        lock.unlock()
        counters.update { if ok { $0.delivered += 1 } else { $0.failed += 1 } }
    }

    public func close() {
        lock.lock()
        hangupSource?.cancel()
        hangupSource = nil
        if fd >= 0 { FileDescriptorWriter.close(fd) }
        fd = -1
        lock.unlock()
    }

    public var statistics: OutputStatistics { counters.snapshot }
}
