import PalisadeCore

/// What an annotation block is attached to.
enum SyntaxAnnotatedNode {
    case package
    case importDecl
    case rule(Int)
}

/// A parsed `# METADATA` block before it is attached.
struct SyntaxAnnotationBlock {
    var location: Location
    /// OPA's annotation object without `scope` (title, description, authors, ...).
    var fields: [Value: Value]
    var scope: String?
    var entrypoint: Bool
}

/// `# METADATA` comment blocks, as OPA reads them (`parseAnnotations`, `attachAnnotationsNodes`).
extension SyntaxParser {
    /// Groups comments into blocks and decodes each block's YAML.
    mutating func parseAnnotationBlocks() -> [SyntaxAnnotationBlock] {
        var blocks: [SyntaxAnnotationBlock] = []
        let comments = lexer.comments
        var i = 0
        while i < comments.count {
            let comment = comments[i]
            i += 1
            guard isMetadataMarker(comment) else { continue }
            var lines: [SyntaxComment] = []
            var previous = comment
            while i < comments.count, comments[i].line == previous.line + 1, comments[i].column == 1 {
                previous = comments[i]
                lines.append(previous)
                i += 1
            }
            if let block = decodeBlock(at: comment, lines: lines) { blocks.append(block) }
        }
        return blocks
    }

    private mutating func isMetadataMarker(_ comment: SyntaxComment) -> Bool {
        let bytes = lexer.bytes
        var start = comment.start
        var end = comment.end
        while start < end, SyntaxParser.isSpace(bytes[start]) { start += 1 }
        while end > start, SyntaxParser.isSpace(bytes[end - 1]) { end -= 1 }
        let marker: [UInt8] = Array("METADATA".utf8)
        guard end - start >= marker.count else { return false }
        for k in 0..<marker.count where bytes[start + k] != marker[k] { return false }
        return true
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
    }

    private mutating func decodeBlock(at marker: SyntaxComment, lines: [SyntaxComment]) -> SyntaxAnnotationBlock? {
        let at = Location(file: file, line: marker.line, column: marker.column)
        var yaml = ""
        for line in lines {
            var start = line.start
            if start < line.end, lexer.bytes[start] == 0x20 { start += 1 }
            yaml += SyntaxStrings.text(lexer.bytes, start..<line.end)
            yaml += "\n"
        }
        if yaml.allSatisfy({ $0.isWhitespace }) {
            errors.append(RegoError(.parse, "expected METADATA block, found whitespace", at: at))
            return nil
        }
        let value: Value
        do {
            value = try YAMLReader.decode(yaml, file: file)
        } catch let error as InputError {
            var place = at
            if let line = error.location?.line, line >= 1, line <= lines.count {
                place = Location(file: file, line: lines[line - 1].line, column: 1)
            }
            errors.append(RegoError(.parse, error.message, at: place))
            return nil
        } catch {
            errors.append(RegoError(.parse, "\(error)", at: at))
            return nil
        }
        do {
            return try SyntaxAnnotationFields(file: file).block(from: value, at: at)
        } catch let failure as SyntaxAnnotationFields.Failure {
            errors.append(RegoError(.parse, failure.message, at: at))
            return nil
        } catch {
            return nil
        }
    }

    /// Attaches each block to the first statement after it and settles its scope.
    mutating func attachAnnotations(_ blocks: [SyntaxAnnotationBlock], nodes: [(line: Int, node: SyntaxAnnotatedNode)], rules: [Rule]) -> [Annotation] {
        var result: [Annotation] = []
        for block in blocks {
            let node = nodes.first(where: { $0.line > block.location.line })?.node
            var scope = block.scope ?? ""
            if scope.isEmpty {
                switch node {
                case .rule: scope = block.entrypoint ? "document" : "rule"
                case .package: scope = "package"
                case .importDecl: scope = "import"
                case nil: break
                }
            }
            let have: String
            switch node {
            case .rule: have = " (have rule)"
            case .package: have = " (have package)"
            case .importDecl: have = " (have import)"
            case nil: have = ""
            }
            var ruleIndex: Int?
            let annotationScope: Annotation.Scope
            switch scope {
            case "rule", "document":
                guard case .rule(let index) = node else {
                    errors.append(RegoError(.parse, "annotation scope '\(scope)' must be applied to rule\(have)", at: block.location))
                    continue
                }
                ruleIndex = index
                annotationScope = scope == "rule" ? .rule : .document
            case "package", "subpackages":
                guard case .package = node else {
                    errors.append(RegoError(.parse, "annotation scope '\(scope)' must be applied to package\(have)", at: block.location))
                    continue
                }
                annotationScope = scope == "package" ? .package : .subpackages
            default:
                errors.append(RegoError(.parse, "invalid annotation scope '\(scope)'. Use one of 'rule', 'document', 'package', or 'subpackages'", at: block.location))
                continue
            }
            if block.entrypoint, annotationScope != .document, annotationScope != .package {
                errors.append(RegoError(.parse, "annotation entrypoint applied to non-document or package scope '\(scope)'", at: block.location))
                continue
            }
            var fields = block.fields
            fields[.string("scope")] = .string(scope)
            result.append(Annotation(scope: annotationScope, value: .object(fields), at: block.location, ruleIndex: ruleIndex))
        }
        return result
    }
}

/// Turns a METADATA YAML document into OPA's annotation object (`Annotations.toObject`).
struct SyntaxAnnotationFields {
    struct Failure: Error {
        var message: String
    }

    let file: String

    func block(from value: Value, at: Location) throws -> SyntaxAnnotationBlock {
        var raw: [Value: Value] = [:]
        switch value {
        case .null: break
        case .object(let object): raw = object
        default: throw Failure(message: "yaml: unmarshal errors: cannot unmarshal \(value.typeName) into annotations")
        }
        var fields: [Value: Value] = [:]
        let scope = try text(raw[.string("scope")], "scope")
        if let title = try text(raw[.string("title")], "title"), !title.isEmpty { fields[.string("title")] = .string(title) }
        var entrypoint = false
        if let flag = raw[.string("entrypoint")] {
            guard case .bool(let b) = flag else { throw Failure(message: "yaml: unmarshal errors: cannot unmarshal entrypoint into bool") }
            entrypoint = b
            if b { fields[.string("entrypoint")] = .bool(true) }
        }
        if let description = try text(raw[.string("description")], "description"), !description.isEmpty {
            fields[.string("description")] = .string(description)
        }
        if let organizations = try list(raw[.string("organizations")], "organizations"), !organizations.isEmpty {
            fields[.string("organizations")] = .array(try organizations.map { .string(try text($0, "organizations") ?? "") })
        }
        if let resources = try list(raw[.string("related_resources")], "related_resources"), !resources.isEmpty {
            fields[.string("related_resources")] = .array(try resources.map(relatedResource))
        }
        if let authors = try list(raw[.string("authors")], "authors"), !authors.isEmpty {
            fields[.string("authors")] = .array(try authors.map(author))
        }
        if let schemas = try list(raw[.string("schemas")], "schemas"), !schemas.isEmpty {
            fields[.string("schemas")] = .array(try schemas.map(schema))
        }
        if let custom = raw[.string("custom")], custom != .null {
            guard case .object(let object) = custom else {
                throw Failure(message: "yaml: unmarshal errors: cannot unmarshal \(custom.typeName) into custom")
            }
            if !object.isEmpty {
                try checkStringKeys(custom, path: [])
                fields[.string("custom")] = custom
            }
        }
        return SyntaxAnnotationBlock(location: at, fields: fields, scope: scope, entrypoint: entrypoint)
    }

    /// A YAML scalar read into a Go string field.
    private func text(_ value: Value?, _ field: String) throws -> String? {
        guard let value else { return nil }
        switch value {
        case .null: return nil
        case .string(let s): return s
        case .number(let n): return n.description
        case .bool(let b): return b ? "true" : "false"
        default: throw Failure(message: "yaml: unmarshal errors: cannot unmarshal \(value.typeName) into \(field)")
        }
    }

    private func list(_ value: Value?, _ field: String) throws -> [Value]? {
        guard let value, value != .null else { return nil }
        guard case .array(let items) = value else {
            throw Failure(message: "yaml: unmarshal errors: cannot unmarshal \(value.typeName) into \(field)")
        }
        return items
    }

    private func relatedResource(_ value: Value) throws -> Value {
        switch value {
        case .string(let s):
            guard !s.isEmpty else { throw Failure(message: "invalid related-resource definition \(s): ref URL may not be empty string") }
            return .object([.string("ref"): .string(s)])
        case .object(let object):
            let ref = trimmed(object[.string("ref")])
            guard !ref.isEmpty else {
                throw Failure(message: "invalid related-resource definition \(describe(value)): 'ref' value required in object")
            }
            var result: [Value: Value] = [.string("ref"): .string(ref)]
            let description = trimmed(object[.string("description")])
            if !description.isEmpty { result[.string("description")] = .string(description) }
            return .object(result)
        default:
            throw Failure(message: "invalid related-resource definition \(describe(value)): invalid value type, must be string or map")
        }
    }

    private func author(_ value: Value) throws -> Value {
        switch value {
        case .string(let s):
            var words = s.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            guard !words.isEmpty else { throw Failure(message: "invalid author definition \(s): author is an empty string") }
            var email = ""
            if let last = words.last, last.count >= 2, last.hasPrefix("<"), last.hasSuffix(">") {
                email = String(last.dropFirst().dropLast())
                words.removeLast()
            }
            return authorObject(name: words.joined(separator: " "), email: email)
        case .object(let object):
            let name = trimmed(object[.string("name")])
            let email = trimmed(object[.string("email")])
            guard !name.isEmpty || !email.isEmpty else {
                throw Failure(message: "invalid author definition \(describe(value)): 'name' and/or 'email' values required in object")
            }
            return authorObject(name: name, email: email)
        default:
            throw Failure(message: "invalid author definition \(describe(value)): invalid value type, must be string or map")
        }
    }

    private func authorObject(name: String, email: String) -> Value {
        var result: [Value: Value] = [:]
        if !name.isEmpty { result[.string("name")] = .string(name) }
        if !email.isEmpty { result[.string("email")] = .string(email) }
        return .object(result)
    }

    private func schema(_ value: Value) throws -> Value {
        guard case .object(let pair) = value, let entry = pair.first, case .string(let path) = entry.key else {
            throw Failure(message: "invalid document reference")
        }
        let definition = entry.value
        guard let pathParts = refPath(path) else { throw Failure(message: "invalid document reference") }
        var result: [Value: Value] = [.string("path"): .array(pathParts.map(Value.string))]
        switch definition {
        case .string(let reference):
            guard let parts = refPath(reference), parts.first == "schema" else {
                throw Failure(message: "invalid schema reference")
            }
            result[.string("schema")] = .array(parts.map(Value.string))
        case .object:
            try checkStringKeys(definition, path: [])
            result[.string("definition")] = definition
        default:
            throw Failure(message: "invalid schema declaration for path \"\(path)\"")
        }
        return .object(result)
    }

    /// The parts of a ref written as text (`input.x["y"]`), as OPA's `Ref.toArray` strings.
    private func refPath(_ text: String) -> [String]? {
        guard let term = try? RegoParser.parseTerm(text, file: file) else { return nil }
        switch term.kind {
        case .variable(let name):
            return [name]
        case .ref(let parts):
            return parts.map { part in SyntaxTermText.string(part) ?? SyntaxTermText.describe(part) }
        default:
            return nil
        }
    }

    private func checkStringKeys(_ value: Value, path: [String]) throws {
        switch value {
        case .object(let object):
            for (key, child) in object {
                guard case .string(let name) = key else {
                    throw Failure(message: "invalid map key type(s): \(path.joined(separator: "/"))")
                }
                try checkStringKeys(child, path: path + [name])
            }
        case .array(let items):
            for (index, child) in items.enumerated() { try checkStringKeys(child, path: path + [String(index)]) }
        default:
            break
        }
    }

    private func trimmed(_ value: Value?) -> String {
        guard case .string(let s)? = value else { return "" }
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    private func describe(_ value: Value) -> String {
        switch value {
        case .string(let s): return s
        case .object(let object):
            let items = object.compactMap { key, v -> String? in
                guard case .string(let k) = key else { return nil }
                return "\(k):\(describe(v))"
            }.sorted()
            return "map[" + items.joined(separator: " ") + "]"
        default:
            return "\(value)"
        }
    }
}
