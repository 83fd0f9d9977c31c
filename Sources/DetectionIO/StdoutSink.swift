import Foundation
import PalisadeCore

/// Falco's `stdout_output`: one line per alert, written unbuffered.
public final class StdoutSink: AlertSink, @unchecked Sendable {
    private let lock = NSLock()
    private let fd: Int32
    private let counters = OutputCounters()

    /// `fd` defaults to standard output; tests may pass a pipe.
    public init(fileDescriptor fd: Int32 = 1) {
        self.fd = fd
    }

    public func emit(_ alert: Alert, line: String) {
        lock.lock()
        let ok = FileDescriptorWriter.writeAll(fd, Array((line + "\n").utf8))
        lock.unlock()
        counters.update { if ok { $0.delivered += 1 } else { $0.failed += 1 } }
    }

    public var statistics: OutputStatistics { counters.snapshot }
}
