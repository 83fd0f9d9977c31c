import Foundation
import PalisadeCore

extension KubeconfigParser {
    func at(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: 1) }

    func optionalString(_ value: Value?, _ what: String, _ location: SourceLocation) throws -> String? {
        guard let value, value != .null else { return nil }
        switch value {
        case .string(let s): return s
        case .number(let n): return n.description
        case .bool(let b): return b ? "true" : "false"
        default: throw InputError("\(what) must be a string, found \(value.typeName)", at: location)
        }
    }

    func bool(_ value: Value?, _ what: String, _ location: SourceLocation) throws -> Bool {
        guard let value, value != .null else { return false }
        if let b = value.boolValue { return b }
        if let s = value.stringValue, let b = Bool(s.lowercased()) { return b }
        throw InputError("\(what) must be true or false, found \(value)", at: location)
    }

    func strings(_ value: Value?, _ what: String, _ location: SourceLocation) throws -> [String] {
        guard let value, value != .null else { return [] }
        guard let items = value.arrayValue else { throw InputError("\(what) must be a list of strings", at: location) }
        return try items.map { item in
            guard let s = item.stringValue else { throw InputError("\(what) must be a list of strings", at: location) }
            return s
        }
    }

    /// A file path, made absolute against the kubeconfig's directory (as kubectl does).
    func path(_ value: Value?, _ what: String, _ location: SourceLocation) throws -> String? {
        guard let text = try optionalString(value, what, location), !text.isEmpty else { return nil }
        if text.hasPrefix("/") || base.isEmpty { return text }
        return (base as NSString).appendingPathComponent(text)
    }

    /// Base64 data (whitespace ignored), as the `*-data` fields hold.
    func base64(_ value: Value?, _ what: String, _ location: SourceLocation) throws -> [UInt8]? {
        guard let text = try optionalString(value, what, location), !text.isEmpty else { return nil }
        let compact = text.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact) else { throw InputError("\(what) is not valid base64", at: location) }
        return [UInt8](data)
    }

    /// The line of a top-level `section:` key, or 1.
    func sectionLine(_ section: String) -> Int {
        (lines.firstIndex { $0.hasPrefix(section + ":") }).map { $0 + 1 } ?? 1
    }

    /// The line of `name: <name>` inside a top-level section, or the section's line.
    func entryLine(section: String, name: String) -> Int {
        let start = sectionLine(section)
        guard start > 1 || lines.first?.hasPrefix(section + ":") == true else { return 1 }
        let accepted: Set<String> = ["name: \(name)", "name: \"\(name)\"", "name: '\(name)'"]
        for index in start..<lines.count {
            let line = lines[index]
            if let first = line.first, first != " ", first != "-", first != "#", first != "\r" { break }
            var trimmed = Substring(line.kubeTrimmed(" \t\r"))
            if trimmed.hasPrefix("- ") { trimmed = Substring(trimmed.dropFirst(2).kubeTrimmed(" ")) }
            if accepted.contains(String(trimmed)) { return index + 1 }
        }
        return start
    }
}
