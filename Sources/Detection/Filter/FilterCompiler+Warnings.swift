extension FilterCompiler {
    /// Warns about constants that look like fields or transformers, and
    /// about regexes that a plain string operator could replace.
    mutating func warnAboutValue(_ text: String, op: FilterOperator) {
        if registry.lookup(text) != nil {
            warnings.append("'\(text)' may be a valid field misused as a const string value")
        } else if looksLikeTransformer(text) {
            warnings.append("'\(text)' may be a valid field transformer misused as a const string value")
        }
        if op == .regex, Self.isPlainRegex(text) {
            warnings.append("regex '\(text)' could be replaced by a simpler string operator (=, startswith, endswith, contains)")
        }
    }

    /// `name( field )` with a known transformer and field.
    func looksLikeTransformer(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") else { return false }
        let name = String(trimmed[..<open])
        guard FilterTransformer(rawValue: name) != nil else { return false }
        let inner = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        let fieldText = inner.trimmingCharacters(in: .whitespaces)
        return registry.lookup(fieldText) != nil || looksLikeTransformer(fieldText)
    }

    /// A regex that is a literal once optional anchors and leading/trailing
    /// `.*`, `.+`, `.?` are removed.
    static func isPlainRegex(_ pattern: String) -> Bool {
        var body = Substring(pattern)
        if body.hasPrefix("^") { body = body.dropFirst() }
        if body.hasSuffix("$") { body = body.dropLast() }
        for wildcard in [".*", ".+", ".?"] {
            if body.hasPrefix(wildcard) { body = body.dropFirst(2); break }
        }
        for wildcard in [".*", ".+", ".?"] {
            if body.hasSuffix(wildcard) { body = body.dropLast(2); break }
        }
        let meta = Set("\\^$.|?*+()[]{}")
        return !body.isEmpty && !body.contains(where: meta.contains)
    }
}

import Foundation
