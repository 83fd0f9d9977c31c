import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Follows a JSON-lines audit log (the API server's `--audit-log-path`) like
/// `tail -F`: hands each complete line to `onLine`, survives rotation by
/// rename (the old file is read to its end, then the new one from its start)
/// and by truncation (reading restarts at the beginning). Lines longer than
/// `maxLineBytes` are skipped and counted.
public final class AuditLogTailer: @unchecked Sendable {
    public struct Options: Sendable {
        /// Read what the file already holds (true) or only what is appended (false).
        public var startAtBeginning: Bool
        /// Falco's `maxEventSize` by default.
        public var maxLineBytes: Int
        public var pollInterval: TimeInterval
        public var readChunkBytes: Int

        public init(startAtBeginning: Bool = false, maxLineBytes: Int = 262_144, pollInterval: TimeInterval = 0.1,
                    readChunkBytes: Int = 1 << 16) {
            self.startAtBeginning = startAtBeginning
            self.maxLineBytes = maxLineBytes
            self.pollInterval = pollInterval
            self.readChunkBytes = readChunkBytes
        }
    }

    public struct Statistics: Sendable, Hashable {
        public var lines = 0
        public var oversizedLines = 0
        public var rotations = 0
        public var truncations = 0
        public var readErrors = 0
    }

    public let path: String
    public let options: Options
    private let onLine: @Sendable ([UInt8]) -> Void
    private let condition = NSCondition()
    private var stopping = false
    private var stats = Statistics()
    private let finished = DispatchGroup()
    private var started = false

    public init(path: String, options: Options = Options(), onLine: @escaping @Sendable ([UInt8]) -> Void) {
        self.path = path
        self.options = options
        self.onLine = onLine
    }

    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !started else { return }
        started = true
        finished.enter()
        let thread = Thread { [self] in
            var file = FollowedFile(path: path, maxLineBytes: options.maxLineBytes, chunk: options.readChunkBytes)
            var first = true
            while !isStopping {
                poll(&file, first: &first)
                waitForNextPoll()
            }
            poll(&file, first: &first)
            file.close()
            finished.leave()
        }
        thread.name = "audit-log-tailer"
        thread.start()
    }

    /// Reads what is left, then stops.
    public func stop() {
        condition.lock()
        stopping = true
        let wasStarted = started
        condition.broadcast()
        condition.unlock()
        if wasStarted { finished.wait() }
    }

    public var statistics: Statistics {
        condition.lock()
        defer { condition.unlock() }
        return stats
    }

    private var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    private func waitForNextPoll() {
        condition.lock()
        if !stopping { _ = condition.wait(until: Date().addingTimeInterval(options.pollInterval)) }
        condition.unlock()
    }

    private func poll(_ file: inout FollowedFile, first: inout Bool) {
        if !file.isOpen {
            // Only a file present at start is skipped to its end; one created later is read whole.
            let atEnd = first && !options.startAtBeginning
            first = false
            guard file.open(atEnd: atEnd) else { return }
        }
        var events = FollowedFile.Events()
        file.readAvailable(into: &events, emit: onLine)
        switch file.checkReplaced() {
        case .same: break
        case .truncated: events.truncations += 1
        case .replaced:
            file.readAvailable(into: &events, emit: onLine)
            file.flushPartialLine(into: &events, emit: onLine)
            file.close()
            events.rotations += 1
            if file.open(atEnd: false) { file.readAvailable(into: &events, emit: onLine) }
        }
        condition.lock()
        stats.lines += events.lines
        stats.oversizedLines += events.oversized
        stats.rotations += events.rotations
        stats.truncations += events.truncations
        stats.readErrors += events.errors
        condition.unlock()
    }
}
