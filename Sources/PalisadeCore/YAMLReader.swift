import Yams

/// Reads YAML (one or many documents) into `Value`s, keeping where each
/// document starts and reporting syntax errors with file, line and column.
///
/// Scalars resolve as YAML 1.1 does in Kubernetes tooling (`true`, `1.5`,
/// `null`, ...); numbers stay exact. Alias expansion is bounded so a
/// "billion laughs" document fails with an error instead of exhausting memory.
public enum YAMLReader {
    public static let defaultMaxNodes = 1_000_000
    public static let defaultMaxDepth = 1_000

    /// One document of a YAML stream.
    public struct Document: Sendable {
        public var value: Value
        public var location: SourceLocation
    }

    /// Decodes every document in `text`. Empty documents are skipped.
    public static func documents(_ text: String, file: String = "<input>") throws -> [Document] {
        var result: [Document] = []
        var sequence: YamlSequence<Node>
        do {
            sequence = try Yams.compose_all(yaml: text)
        } catch {
            throw inputError(error, file: file)
        }
        var budget = defaultMaxNodes
        while let node = sequence.next() {
            let mark = node.mark
            let value = try convert(node, file: file, budget: &budget, depth: 0)
            let location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
            result.append(Document(value: value, location: location))
        }
        if let error = sequence.error { throw inputError(error, file: file) }
        return result
    }

    /// Decodes a stream that must hold exactly one document (empty text is null).
    public static func decode(_ text: String, file: String = "<input>") throws -> Value {
        let docs = try documents(text, file: file)
        guard docs.count <= 1 else {
            throw InputError("expected one YAML document, found \(docs.count)", at: docs[1].location)
        }
        return docs.first?.value ?? .null
    }

    private static func convert(_ node: Node, file: String, budget: inout Int, depth: Int) throws -> Value {
        budget -= 1
        guard budget >= 0 else {
            throw InputError("YAML document expands to more than \(defaultMaxNodes) nodes", at: location(node, file))
        }
        guard depth < defaultMaxDepth else {
            throw InputError("YAML nested deeper than \(defaultMaxDepth) levels", at: location(node, file))
        }
        switch node {
        case .scalar(let scalar):
            return scalarValue(scalar, tag: node.tag.rawValue)
        case .sequence(let sequence):
            var items: [Value] = []
            items.reserveCapacity(sequence.count)
            for child in sequence { items.append(try convert(child, file: file, budget: &budget, depth: depth + 1)) }
            return .array(items)
        case .mapping(let mapping):
            var object: [Value: Value] = [:]
            var merged: [Value: Value] = [:]
            for (keyNode, valueNode) in mapping {
                if keyNode.tag.rawValue == Tag.Name.merge.rawValue || (keyNode.scalar?.string == "<<" && keyNode.scalar?.style == .plain) {
                    try merge(valueNode, into: &merged, file: file, budget: &budget, depth: depth)
                    continue
                }
                let key = try convert(keyNode, file: file, budget: &budget, depth: depth + 1)
                object[key] = try convert(valueNode, file: file, budget: &budget, depth: depth + 1)
            }
            for (k, v) in merged where object[k] == nil { object[k] = v }
            return .object(object)
        case .alias(let alias):
            throw InputError("undefined alias '\(alias.anchor)'", at: location(node, file))
        }
    }

    private static func merge(_ node: Node, into merged: inout [Value: Value], file: String, budget: inout Int, depth: Int) throws {
        let sources: [Node]
        if case .sequence(let seq) = node { sources = Array(seq) } else { sources = [node] }
        for source in sources {
            guard case .object(let o) = try convert(source, file: file, budget: &budget, depth: depth + 1) else {
                throw InputError("merge key '<<' needs a mapping or a list of mappings", at: location(source, file))
            }
            for (k, v) in o where merged[k] == nil { merged[k] = v }
        }
    }

    /// Resolves a scalar by its (implicitly resolved) YAML tag.
    private static func scalarValue(_ scalar: Node.Scalar, tag: String) -> Value {
        let text = scalar.string
        switch Tag.Name(rawValue: tag) {
        case .null: return .null
        case .bool: return .bool(["true", "yes", "on", "y"].contains(text.lowercased()))
        case .int:
            if let n = Number(literal: text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .number(n) }
            if let n = integerWithRadix(text) { return .number(n) }
            return .string(text)
        case .float:
            if let n = Number(literal: text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .number(n) }
            let lowered = text.lowercased()
            if lowered.hasSuffix(".inf") || lowered.hasSuffix(".nan") { return .string(text) }
            if let d = Double(text.replacingOccurrences(of: "_", with: "")) { return .number(Number(d)) }
            if text.hasPrefix("."), let n = Number(literal: "0" + text) { return .number(n) }
            return .string(text)
        default:
            return .string(text)
        }
    }

    private static func integerWithRadix(_ text: String) -> Number? {
        var t = text.replacingOccurrences(of: "_", with: "")
        var negative = false
        if t.hasPrefix("-") { negative = true; t.removeFirst() } else if t.hasPrefix("+") { t.removeFirst() }
        let value: Int?
        if t.hasPrefix("0x") { value = Int(t.dropFirst(2), radix: 16) }
        else if t.hasPrefix("0o") { value = Int(t.dropFirst(2), radix: 8) }
        else if t.hasPrefix("0b") { value = Int(t.dropFirst(2), radix: 2) }
        else if t.hasPrefix("0"), t.count > 1 { value = Int(t.dropFirst(), radix: 8) }
        else { value = Int(t) }
        return value.map { Number(negative ? -$0 : $0) }
    }

    private static func location(_ node: Node, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    private static func inputError(_ error: Error, file: String) -> InputError {
        guard let yaml = error as? YamlError else { return InputError("invalid YAML: \(error)", at: nil) }
        switch yaml {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return InputError(message, at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .reader(let problem, _, _, _):
            return InputError("invalid YAML: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return InputError("invalid YAML: \(yaml)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}
