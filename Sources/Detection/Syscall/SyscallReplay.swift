import Foundation

/// Loads a recorded syscall stream: a libscap `.scap` capture (by magic:
/// gzip or the section-header block) or Palisade's JSON-lines format.
public enum SyscallReplay {
    public static func load(path: String) throws -> [SyscallEvent] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScapReadError(message: "\(path): cannot read file")
        }
        let bytes = [UInt8](data)
        if path.hasSuffix(".scap") || GzipInflater.isGzip(bytes) || isScap(bytes) {
            return try ScapFileReader.read(bytes: bytes, name: path)
        }
        return try SyscallJSONLines.read(bytes: bytes, name: path)
    }

    static func isScap(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && bytes[0] == 0x0A && bytes[1] == 0x0D && bytes[2] == 0x0D && bytes[3] == 0x0A
    }
}
