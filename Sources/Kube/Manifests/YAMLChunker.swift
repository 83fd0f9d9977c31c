/// Splits a YAML stream at its document markers (`---` at column 0) so each
/// document can be parsed on its own: a syntax error then loses one document,
/// not the whole file, and line numbers stay those of the file.
///
/// The YAML spec forbids a document marker inside any scalar, so a `---` line
/// at column 0 always starts a document.
struct YAMLChunker {
    /// One or more documents of the stream, with the file line it starts on.
    struct Chunk {
        var startLine: Int
        var lines: [Substring] = []
        var hasContent = false
        var explicitStart = false
        /// The first `# Source: path` comment (Helm's template name).
        var template: String?

        var text: String { lines.joined(separator: "\n") }
    }

    static func chunks(_ text: String) -> [Chunk] {
        var result: [Chunk] = []
        var current = Chunk(startLine: 1)
        var afterDocumentEnd = false
        for (offset, line) in text.kubeLines.enumerated() {
            let lineNumber = offset + 1
            if isMarker(line, "---") {
                if current.explicitStart || current.hasContent {
                    result.append(current)
                    current = Chunk(startLine: lineNumber)
                }
                current.explicitStart = true
                afterDocumentEnd = false
                if isContent(line.dropFirst(3)) { current.hasContent = true }
            } else if afterDocumentEnd, line.hasPrefix("%") {
                if current.hasContent || current.explicitStart { result.append(current) }
                current = Chunk(startLine: lineNumber)
                afterDocumentEnd = false
            } else if isMarker(line, "...") {
                afterDocumentEnd = true
            } else {
                note(line, in: &current)
            }
            current.lines.append(line)
        }
        if current.hasContent || current.explicitStart { result.append(current) }
        return result
    }

    private static func note(_ line: Substring, in chunk: inout Chunk) {
        if line.hasPrefix("%") && !chunk.hasContent { return }
        if chunk.template == nil, !chunk.hasContent, let template = helmSource(line) { chunk.template = template }
        if isContent(line) { chunk.hasContent = true }
    }

    /// `---` or `...` alone or followed by a space, tab or `\r`.
    private static func isMarker(_ line: Substring, _ marker: String) -> Bool {
        guard line.hasPrefix(marker) else { return false }
        let rest = line.dropFirst(3)
        guard let next = rest.first else { return true }
        return next == " " || next == "\t" || next == "\r"
    }

    /// A line that is neither blank nor a comment.
    private static func isContent(_ line: Substring) -> Bool {
        guard let first = line.first(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return false }
        return first != "#"
    }

    /// The path of a Helm `# Source: chart/templates/x.yaml` comment.
    private static func helmSource(_ line: Substring) -> String? {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        guard trimmed.hasPrefix("# Source:") else { return nil }
        let path = trimmed.dropFirst("# Source:".count).kubeTrimmed(" \t\r")
        return path.isEmpty ? nil : path
    }
}

extension Substring {
    /// The text without leading and trailing characters from `set`.
    func kubeTrimmed(_ set: String) -> String {
        // Compare scalars: in a String, "\r\n" is one Character.
        let scalars = Set(set.unicodeScalars)
        let skip: (Character) -> Bool = { $0.unicodeScalars.allSatisfy(scalars.contains) }
        guard let first = firstIndex(where: { !skip($0) }), let last = lastIndex(where: { !skip($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// The lines split at `\n` bytes; a `\r` before it stays on the line
    /// (Swift's Character split would treat `\r\n` as one character).
    var kubeLines: [Substring] {
        utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }
}
