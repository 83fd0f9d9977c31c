#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The open file an `AuditLogTailer` reads, with the identity it was opened
/// with (device and inode) and the incomplete last line.
struct FollowedFile {
    struct Events {
        var lines = 0
        var oversized = 0
        var rotations = 0
        var truncations = 0
        var errors = 0
    }

    enum Change { case same, truncated, replaced }

    let path: String
    let maxLineBytes: Int
    let chunk: Int
    private var fd: Int32 = -1
    private var device: UInt64 = 0
    private var inode: UInt64 = 0
    private var offset: Int64 = 0
    private var partial: [UInt8] = []
    /// Inside a line that already exceeded the limit: skip to its newline.
    private var skipping = false

    init(path: String, maxLineBytes: Int, chunk: Int) {
        self.path = path
        self.maxLineBytes = max(1, maxLineBytes)
        self.chunk = max(4096, chunk)
    }

    var isOpen: Bool { fd >= 0 }

    mutating func open(atEnd: Bool) -> Bool {
        let newFD = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard newFD >= 0 else { return false }
        var info = stat()
        guard fstat(newFD, &info) == 0 else {
            _ = Glibc.close(newFD)
            return false
        }
        fd = newFD
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        offset = atEnd ? Int64(info.st_size) : 0
        if atEnd { _ = lseek(fd, off_t(offset), SEEK_SET) }
        partial.removeAll()
        skipping = false
        return true
    }

    mutating func close() {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
        partial.removeAll()
        skipping = false
    }

    /// Reads to the current end of file, emitting complete lines.
    mutating func readAvailable(into events: inout Events, emit: ([UInt8]) -> Void) {
        guard fd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: chunk)
        // Bounded: at most 64 Ki chunks (4 GiB at the default size) per poll.
        for _ in 0..<65_536 {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
            if count < 0 {
                if errno == EINTR { continue }
                events.errors += 1
                return
            }
            if count == 0 { return }
            offset += Int64(count)
            split(buffer[0..<count], into: &events, emit: emit)
        }
    }

    /// Whether the path now names another file, or this file shrank.
    mutating func checkReplaced() -> Change {
        guard fd >= 0 else { return .same }
        var current = stat()
        if stat(path, &current) != 0 || UInt64(current.st_dev) != device || UInt64(current.st_ino) != inode {
            return .replaced
        }
        var own = stat()
        guard fstat(fd, &own) == 0 else { return .same }
        if Int64(own.st_size) < offset {
            _ = lseek(fd, 0, SEEK_SET)
            offset = 0
            partial.removeAll()
            skipping = false
            return .truncated
        }
        return .same
    }

    /// A rotated file's last line may lack its newline; it is complete all the same.
    mutating func flushPartialLine(into events: inout Events, emit: ([UInt8]) -> Void) {
        if !partial.isEmpty, !skipping {
            events.lines += 1
            emit(partial)
        }
        partial.removeAll()
        skipping = false
    }

    private mutating func split(_ bytes: ArraySlice<UInt8>, into events: inout Events, emit: ([UInt8]) -> Void) {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                appendPartial(bytes[start...], events: &events)
                return
            }
            appendPartial(bytes[start..<newline], events: &events)
            if !skipping, !partial.isEmpty {
                var line = partial
                if line.last == 0x0D { line.removeLast() }
                events.lines += 1
                emit(line)
            }
            partial.removeAll(keepingCapacity: true)
            skipping = false
            start = newline + 1
        }
    }

    private mutating func appendPartial(_ bytes: ArraySlice<UInt8>, events: inout Events) {
        guard !skipping else { return }
        if partial.count + bytes.count > maxLineBytes {
            events.oversized += 1
            skipping = true
            partial.removeAll()
            return
        }
        partial.append(contentsOf: bytes)
    }
}
