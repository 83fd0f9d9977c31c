import Foundation
import PalisadeCore

/// Bounded file access for rule directories and test inputs.
enum KubescapeFiles {
    /// Largest file read (rules, metadata, objects, expected results).
    static let maxFileBytes = 32 << 20

    /// The file's text; fails on missing, oversized or non-UTF-8 files.
    static func readText(_ path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw KubescapeError("cannot read file", file: path)
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maxFileBytes + 1)) ?? Data()
        guard data.count <= maxFileBytes else {
            throw KubescapeError("file is larger than \(maxFileBytes) bytes", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw KubescapeError("file is not UTF-8 text", file: path)
        }
        return text
    }

    /// The file's text, or nil when it does not exist.
    static func readOptionalText(_ path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try readText(path)
    }

    /// Parses a JSON file; syntax errors carry file:line.
    static func readJSON(_ path: String) throws -> Value {
        try JSONReader.decode(readText(path), file: path)
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Names of the entries of a directory, sorted by byte order as Go's
    /// `os.ReadDir` returns them.
    static func sortedEntries(_ directory: String) throws -> [String] {
        do {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        } catch {
            throw KubescapeError("cannot read directory", file: directory)
        }
    }

    static func join(_ directory: String, _ name: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}

extension KubescapeFiles {
    static func isFile(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
    }
}
