import Foundation

/// Reads a libscap `.scap` capture (gzip-compressed or plain) block by block
/// and feeds its metadata and events, in file order, to a state tracker.
public enum ScapFileReader {
    /// Captures are small; a decompressed size above this is refused.
    public static let maxDecompressedBytes = 512 << 20

    public static func load(path: String) throws -> [SyscallEvent] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScapReadError(message: "\(path): cannot read file")
        }
        return try read(bytes: [UInt8](data), name: path)
    }

    public static func read(bytes raw: [UInt8], name: String) throws(ScapReadError) -> [SyscallEvent] {
        let bytes: [UInt8]
        if GzipInflater.isGzip(raw) {
            do {
                bytes = try GzipInflater.decompress(raw, limit: maxDecompressedBytes)
            } catch {
                throw ScapReadError(message: "\(name): \(error.description)")
            }
        } else {
            bytes = raw
        }
        var tracker = SyscallStateTracker()
        try readBlocks(bytes, name: name, into: &tracker)
        return tracker.events
    }

    static func readBlocks(_ bytes: [UInt8], name: String, into tracker: inout SyscallStateTracker) throws(ScapReadError) {
        var offset = 0
        var blockIndex = 0
        while offset < bytes.count {
            var header = ScapByteCursor(bytes: bytes, start: offset, end: bytes.count, context: "\(name): block \(blockIndex)")
            guard header.remaining >= 12 else { throw header.failure("truncated block header") }
            let type = try header.u32()
            let length = Int(try header.u32())
            guard length >= 12, length % 4 == 0, offset + length <= bytes.count else {
                throw header.failure("block of type 0x\(String(type, radix: 16)) has invalid length \(length)")
            }
            var trailer = ScapByteCursor(bytes: bytes, start: offset + length - 4, end: offset + length, context: header.context)
            guard Int(try trailer.u32()) == length else { throw header.failure("block trailer length mismatch") }
            if blockIndex == 0, type != ScapBlockType.sectionHeader { throw header.failure("not a scap capture (no section header)") }
            var body = ScapByteCursor(bytes: bytes, start: offset + 8, end: offset + length - 4,
                                      context: "\(name): block \(blockIndex) (type 0x\(String(type, radix: 16)))")
            try readBlock(type: type, &body, into: &tracker)
            offset += length
            blockIndex += 1
        }
        guard blockIndex > 0 else { throw ScapReadError(message: "\(name): empty capture") }
    }

    static func readBlock(type: UInt32, _ body: inout ScapByteCursor, into tracker: inout SyscallStateTracker) throws(ScapReadError) {
        switch type {
        case ScapBlockType.sectionHeader:
            guard try body.u32() == ScapBlockType.sectionMagic else { throw body.failure("bad byte-order magic") }
            let major = try body.u16()
            guard major == 1 else { throw body.failure("unsupported capture major version \(major)") }
        case ScapBlockType.machineInfo:
            tracker.hostname = ScapMetadataParser.hostname(body)
        case ScapBlockType.interfaceList, ScapBlockType.interfaceListV2:
            break
        case ScapBlockType.userList, ScapBlockType.userListV2:
            let (users, groups) = try ScapMetadataParser.users(&body, versioned: type == ScapBlockType.userListV2)
            tracker.addUsers(users, groups: groups)
        case ScapBlockType.fdList, ScapBlockType.fdListV2:
            let (tid, fds) = try ScapMetadataParser.fds(&body, versioned: type == ScapBlockType.fdListV2)
            tracker.addFDs(fds, tid: tid)
        case _ where ScapBlockType.processLists[type] != nil:
            let version = ScapBlockType.processLists[type] ?? 1
            tracker.addProcesses(try ScapMetadataParser.processes(&body, version: version))
        case _ where ScapBlockType.events.contains(type):
            tracker.process(try ScapEventParser.parse(&body, blockType: type))
        default:
            throw body.failure("unknown block type")
        }
    }
}
