import PalisadeCore

/// Palisade's JSON-lines syscall event format, version 1: one event per
/// line with the thread, its ancestors, the fd and the container it used
/// (see docs/syscall-events.md).
public enum SyscallJSONLines {
    public static let version = 1
    /// Lines longer than this are rejected.
    public static let maxLineBytes = 1 << 20

    public static func read(bytes: [UInt8], name: String) throws -> [SyscallEvent] {
        var events: [SyscallEvent] = []
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let location = "\(name):\(lineNumber)"
            guard line.count <= maxLineBytes else {
                throw ScapReadError(message: "\(location): line longer than \(maxLineBytes) bytes")
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let value: Value
            do {
                value = try JSONReader.decode(bytes: Array(line), file: location, maxDepth: 32)
            } catch {
                throw ScapReadError(message: "\(location): invalid JSON: \(error)")
            }
            switch decode(value, number: UInt64(events.count + 1)) {
            case .success(let event): events.append(event)
            case .failure(let error): throw ScapReadError(message: "\(location): \(error.message)")
            }
        }
        return events
    }

    static func decode(_ value: Value, number: UInt64) -> Result<SyscallEvent, ScapReadError> {
        Result { () throws(ScapReadError) -> SyscallEvent in try SyscallJSONDecoder.event(value, defaultNumber: number) }
    }

    /// Encodes events, one JSON object per line.
    public static func write(_ events: [SyscallEvent]) -> String {
        var out = ""
        for event in events {
            out += JSONWriter.string(SyscallJSONEncoder.event(event))
            out += "\n"
        }
        return out
    }
}
