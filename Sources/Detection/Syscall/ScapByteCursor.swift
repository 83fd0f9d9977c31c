/// Bounded little-endian reads over a byte range; every read checks the
/// remaining length and throws instead of trapping.
struct ScapByteCursor {
    let bytes: [UInt8]
    private(set) var position: Int
    let end: Int
    /// Where the data came from, for error messages.
    let context: String

    init(bytes: [UInt8], start: Int, end: Int, context: String) {
        self.bytes = bytes
        self.position = max(0, min(start, bytes.count))
        self.end = max(self.position, min(end, bytes.count))
        self.context = context
    }

    var remaining: Int { end - position }

    func failure(_ message: String) -> ScapReadError {
        ScapReadError(message: "\(context): \(message) at byte \(position)")
    }

    mutating func skip(_ count: Int) throws(ScapReadError) {
        guard count >= 0, count <= remaining else { throw failure("truncated (need \(count) bytes, have \(remaining))") }
        position += count
    }

    mutating func uint(_ width: Int) throws(ScapReadError) -> UInt64 {
        guard width <= remaining else { throw failure("truncated (need \(width) bytes, have \(remaining))") }
        var value: UInt64 = 0
        for index in 0..<width { value |= UInt64(bytes[position + index]) << UInt64(8 * index) }
        position += width
        return value
    }

    mutating func u8() throws(ScapReadError) -> UInt8 { UInt8(try uint(1)) }
    mutating func u16() throws(ScapReadError) -> UInt16 { UInt16(try uint(2)) }
    mutating func u32() throws(ScapReadError) -> UInt32 { UInt32(try uint(4)) }
    mutating func u64() throws(ScapReadError) -> UInt64 { try uint(8) }
    mutating func i64() throws(ScapReadError) -> Int64 { Int64(bitPattern: try uint(8)) }

    mutating func bytes(_ count: Int) throws(ScapReadError) -> [UInt8] {
        guard count >= 0, count <= remaining else { throw failure("truncated (need \(count) bytes, have \(remaining))") }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    /// A string stored as a u16 length then bytes (no NUL), at most `limit` bytes.
    mutating func lengthPrefixedString(limit: Int) throws(ScapReadError) -> String {
        let length = Int(try u16())
        guard length <= limit else { throw failure("string length \(length) exceeds \(limit)") }
        return ScapByteCursor.text(try bytes(length))
    }

    /// Text up to the first NUL.
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// NUL-separated strings (argv, environ, cgroups).
    static func strings(_ bytes: [UInt8]) -> [String] {
        var out = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if out.last == "" { out.removeLast() }
        return out
    }
}

/// A malformed, truncated or unsupported capture.
public struct ScapReadError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }

    public init(message: String) { self.message = message }
}
