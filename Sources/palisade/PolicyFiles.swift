import Foundation
import PalisadeCore
import Rego

/// Rego modules and data documents loaded from `-d` paths, the way `opa` loads them:
/// `.rego` files are modules; `.json`, `.yaml` and `.yml` files are data, merged
/// under `data` at their directory's path relative to the argument.
struct PolicyFiles {
    var sources: [RegoSource] = []
    var data: Value = .emptyObject

    init(paths: [String], includeData: Bool = true) throws {
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw InputError("no such file or directory", at: SourceLocation(file: path, line: 1, column: 1))
            }
            if isDir.boolValue {
                for rel in try Self.files(under: path) {
                    let full = (path as NSString).appendingPathComponent(rel)
                    let dir = (rel as NSString).deletingLastPathComponent
                    let prefix = dir.split(separator: "/").map(String.init)
                    try add(full, prefix: prefix, includeData: includeData)
                }
            } else {
                try add(path, prefix: [], includeData: includeData)
            }
        }
    }

    private mutating func add(_ path: String, prefix: [String], includeData: Bool) throws {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "rego" {
            sources.append(RegoSource(file: path, text: try readText(path)))
        } else if includeData, ["json", "yaml", "yml"].contains(ext) {
            let value = try readDocument(path)
            if prefix.isEmpty, value.objectValue == nil {
                throw InputError("data file must hold an object at its root", at: SourceLocation(file: path, line: 1, column: 1))
            }
            var nested = value
            for key in prefix.reversed() { nested = .object(fields: [key: nested]) }
            data = try merge(data, nested, file: path, at: [])
        }
    }

    /// Relative paths of regular files below `root`, sorted, skipping hidden entries.
    static func files(under root: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw InputError("cannot read directory", at: SourceLocation(file: root, line: 1, column: 1))
        }
        var result: [String] = []
        while let rel = walker.nextObject() as? String {
            if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDir: ObjCBool = false
            let full = (root as NSString).appendingPathComponent(rel)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { result.append(rel) }
        }
        return result.sorted()
    }

    private func merge(_ a: Value, _ b: Value, file: String, at path: [String]) throws -> Value {
        guard case .object(var left) = a, case .object(let right) = b else {
            let where_ = path.isEmpty ? "data" : "data." + path.joined(separator: ".")
            throw InputError("merge error: \(where_) is defined twice", at: SourceLocation(file: file, line: 1, column: 1))
        }
        for (k, v) in right {
            if let existing = left[k] {
                left[k] = try merge(existing, v, file: file, at: path + [JSONWriter.keyText(k)])
            } else {
                left[k] = v
            }
        }
        return .object(left)
    }
}

func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError("cannot read file", at: SourceLocation(file: path, line: 1, column: 1))
    }
    return String(decoding: data, as: UTF8.self)
}

/// One JSON or YAML document (JSON first, as YAML is a superset).
func readDocument(_ path: String) throws -> Value {
    try parseDocument(try readText(path), file: path)
}

func parseDocument(_ text: String, file: String) throws -> Value {
    if file.lowercased().hasSuffix(".json") { return try JSONReader.decode(text, file: file) }
    if let json = try? JSONReader.decode(text, file: file) { return json }
    return try YAMLReader.decode(text, file: file)
}

func readStandardInput() -> String {
    String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
}
