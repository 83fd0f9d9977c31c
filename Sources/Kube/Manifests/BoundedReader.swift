import Foundation
import PalisadeCore

/// Reads whole files and streams with a size cap, and turns their bytes into
/// text (UTF-8, or UTF-16 with a byte-order mark).
enum BoundedReader {
    /// Reads at most `limit` bytes from `handle`; throws when there is more.
    static func read(_ handle: FileHandle, limit: Int, name: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { return bytes }
            bytes.append(contentsOf: chunk)
            if bytes.count > limit { throw tooLarge(name, limit: limit) }
        }
    }

    /// Reads the file at `path`, failing with file:line errors a user understands.
    static func read(path: String, limit: Int) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw InputError(exists ? "cannot read file (permission denied?)" : "no such file or directory", at: start(of: path))
        }
        defer { try? handle.close() }
        do {
            return try read(handle, limit: limit, name: path)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("cannot read file: \(error.localizedDescription)", at: start(of: path))
        }
    }

    /// Decodes UTF-8 (an initial BOM is dropped) or BOM-marked UTF-16.
    static func text(_ bytes: [UInt8], name: String) throws -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: Data(bytes), encoding: .utf16) else {
                throw InputError("invalid UTF-16 text", at: start(of: name))
            }
            return text
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        guard let text = String(validating: body, as: UTF8.self) else {
            throw InputError("file is not UTF-8 text", at: firstInvalidUTF8(body, name: name))
        }
        return text
    }

    static func start(of file: String) -> SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    private static func tooLarge(_ name: String, limit: Int) -> InputError {
        InputError("input is larger than the \(limit / (1 << 20)) MiB limit for one manifest file", at: start(of: name))
    }

    /// The line of the first byte sequence that is not UTF-8.
    private static func firstInvalidUTF8(_ bytes: [UInt8], name: String) -> SourceLocation {
        var line = 1, lineStart = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; lineStart = offset }
            case .emptyInput: break loop
            case .error: break loop
            }
        }
        return SourceLocation(file: name, line: line, column: offset - lineStart + 1)
    }
}
