import Foundation
import PalisadeCore
import Yams

/// The `--exceptions FILE` format (docs/controls.md):
///
/// ```yaml
/// exceptions:
///   - control: PAL-001
///     match: {kind: DaemonSet, namespace: kube-system, name: "cilium*"}
///     justification: CNI agent needs host access
///     expires: 2027-03-31
/// ```
/// Every problem is reported with file:line; nothing is silently dropped.
public enum ExceptionsFile {
    public static let maxBytes = 4 << 20
    static let matchKeys: Set<String> = ["kind", "namespace", "name"]
    static let entryKeys: Set<String> = ["control", "match", "justification", "expires"]

    public static func load(path: String) throws -> [ScanException] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("cannot read exceptions file", at: SourceLocation(file: path, line: 1, column: 1))
        }
        defer { try? handle.close() }
        let data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        guard data.count <= maxBytes else {
            throw InputError("exceptions file is larger than \(maxBytes >> 20) MiB", at: SourceLocation(file: path, line: 1, column: 1))
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String) throws -> [ScanException] {
        _ = try YAMLReader.decode(text, file: file)   // syntax errors with file:line
        let top = SourceLocation(file: file, line: 1, column: 1)
        guard let root = try Yams.compose(yaml: text) else { return [] }
        guard let mapping = root.mapping else { throw InputError("expected a map with an `exceptions:` list", at: top) }
        for (key, _) in mapping where key.string != "exceptions" {
            throw InputError("unknown key '\(key.string ?? "?")' (expected `exceptions:`)", at: location(key, file))
        }
        guard let list = mapping["exceptions"], !isNull(list) else { return [] }
        guard let entries = list.sequence else { throw InputError("`exceptions` must be a list", at: location(list, file)) }
        return try entries.map { try exception(from: $0, file: file) }
    }

    private static func exception(from node: Node, file: String) throws -> ScanException {
        let at = location(node, file)
        guard let entry = node.mapping else { throw InputError("an exception must be a map (control, match, justification, expires)", at: at) }
        for (key, _) in entry where !entryKeys.contains(key.string ?? "") {
            throw InputError("unknown exception field '\(key.string ?? "?")' (expected control, match, justification, expires)", at: location(key, file))
        }
        guard let control = scalar(entry["control"]), !control.isEmpty else {
            throw InputError("exception needs `control:` (a control id, a glob, or \"*\")", at: at)
        }
        guard let justification = scalar(entry["justification"]), !justification.isEmpty else {
            throw InputError("exception for \(control) needs a `justification:`", at: at)
        }
        let match = try matchGlobs(entry["match"], file: file)
        var expiresText: String?
        var validUntil: Timestamp?
        if let expiresNode = entry["expires"], let text = scalar(expiresNode), !text.isEmpty {
            guard let parsed = ScanException.validUntil(parsing: text) else {
                throw InputError("expires '\(text)' is not a date (YYYY-MM-DD) or RFC 3339 time", at: location(expiresNode, file))
            }
            expiresText = text
            validUntil = parsed
        }
        return ScanException(control: GlobPattern(control), kind: match["kind"], namespace: match["namespace"], name: match["name"],
                             justification: justification, expiresText: expiresText, validUntil: validUntil, origin: .file(at))
    }

    private static func matchGlobs(_ node: Node?, file: String) throws -> [String: GlobPattern] {
        guard let node, !isNull(node) else { return [:] }
        guard let mapping = node.mapping else { throw InputError("`match` must be a map of kind, namespace, name", at: location(node, file)) }
        var globs: [String: GlobPattern] = [:]
        for (key, value) in mapping {
            guard let name = key.string, matchKeys.contains(name) else {
                throw InputError("unknown match field '\(key.string ?? "?")' (expected kind, namespace, name)", at: location(key, file))
            }
            guard let text = scalar(value) else { throw InputError("match.\(name) must be a string", at: location(value, file)) }
            globs[name] = GlobPattern(text)
        }
        return globs
    }

    /// A plain `null`, `~` or empty scalar.
    private static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private static func scalar(_ node: Node?) -> String? {
        guard let node, case .scalar(let scalar) = node else { return nil }
        return scalar.string.trimmingSpaces
    }

    private static func location(_ node: Node, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }
}
