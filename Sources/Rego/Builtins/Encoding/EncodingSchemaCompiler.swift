import BigInt
import Foundation
import PalisadeCore

/// An exact rational number for schema bounds (gojsonschema uses big.Rat).
struct EncodingRational {
    var numerator: BigInt
    var denominator: BigInt

    init?(_ n: Number) {
        guard let (mantissa, exponent) = EncodingUnits.decimalParts(n.description), abs(exponent) <= 400 else { return nil }
        numerator = exponent >= 0 ? mantissa * BigInt(10).power(exponent) : mantissa
        denominator = exponent >= 0 ? 1 : BigInt(10).power(-exponent)
    }

    static func compare(_ a: EncodingRational, _ b: EncodingRational) -> Int {
        let l = a.numerator * b.denominator, r = b.numerator * a.denominator
        return l < r ? -1 : (l == r ? 0 : 1)
    }

    func isMultiple(of m: EncodingRational) -> Bool {
        let divisor = denominator * m.numerator
        return divisor != 0 && (numerator * m.denominator) % divisor == 0
    }

    /// big.Float's %v: 10 significant digits.
    var text: String {
        String(format: "%.10g", Double(numerator) / Double(denominator))
    }
}

/// One compiled (sub)schema; children are indexes into the compiled schema's nodes.
struct EncodingSchemaNode {
    enum Additional { case unspecified, allowed(Bool), schema(Int) }
    enum Dependency { case properties([String]), schema(Int) }

    var pass: Bool?
    var ref: Int?
    var types: [String] = []
    var properties: [(name: String, node: Int)] = []
    var additionalProperties = Additional.unspecified
    var patternProperties: [(pattern: String, regex: NSRegularExpression, node: Int)] = []
    var propertyNames: Int?
    var dependencies: [(name: String, dependency: Dependency)] = []
    var items: [Int] = []
    var itemsIsSingleSchema = false
    var additionalItems = Additional.unspecified
    var multipleOf, minimum, maximum, exclusiveMinimum, exclusiveMaximum: EncodingRational?
    var minLength, maxLength, minProperties, maxProperties, minItems, maxItems: Int?
    var pattern: (source: String, regex: NSRegularExpression)?
    var format: String?
    var required: [String] = []
    var uniqueItems = false
    var contains: Int?
    var constValue: String?
    var enumValues: [String]?
    var oneOf: [Int] = [], anyOf: [Int] = [], allOf: [Int] = []
    var not: Int?
    var ifSchema, thenSchema, elseSchema: Int?
}

struct EncodingCompiledSchema {
    var nodes: [EncodingSchemaNode]
    var root: Int
}

/// Parses a schema document as gojsonschema's Schema.parseSchema does,
/// with the same error messages.
struct EncodingSchemaCompiler {
    typealias SchemaError = EncodingJSONSchema.SchemaError

    static let jsonTypes = ["array", "boolean", "integer", "number", "null", "object", "string"]
    static let maxNodes = 100_000

    private var nodes: [EncodingSchemaNode] = []
    private var refPool: [String: Int] = [:]
    private let document: Value
    private let draft: Int

    static func compile(_ document: Value) throws -> EncodingCompiledSchema {
        let draft = try detectDraft(document)
        var compiler = EncodingSchemaCompiler(document: document, draft: draft)
        let root = compiler.newNode()
        try compiler.parse(document, into: root, depth: 0)
        return EncodingCompiledSchema(nodes: compiler.nodes, root: root)
    }

    private init(document: Value, draft: Int) {
        self.document = document
        self.draft = draft
    }

    /// Draft from `$schema`; otherwise gojsonschema's "hybrid" mode (all keywords).
    private static func detectDraft(_ document: Value) throws -> Int {
        if case .bool = document { return Int.max }
        guard case .object(let o) = document else { throw SchemaError(message: "schema is invalid") }
        guard let schema = o[.string("$schema")] else { return Int.max }
        guard case .string(var url) = schema else { throw SchemaError(message: "$schema must be of type string") }
        if url.hasSuffix("#") { url.removeLast() }
        switch url {
        case "http://json-schema.org/draft-04/schema": return 4
        case "http://json-schema.org/draft-06/schema": return 6
        case "http://json-schema.org/draft-07/schema": return 7
        default: return Int.max
        }
    }

    private mutating func newNode() -> Int {
        nodes.append(EncodingSchemaNode())
        return nodes.count - 1
    }

    private static func invalidType(_ expected: String, _ given: String) -> SchemaError {
        SchemaError(message: "Invalid type. Expected: \(expected), given: \(given)")
    }

    private mutating func child(_ value: Value, depth: Int) throws -> Int {
        guard nodes.count < Self.maxNodes, depth < 200 else { throw SchemaError(message: "schema is too large") }
        let index = newNode()
        try parse(value, into: index, depth: depth + 1)
        return index
    }

    private static func isSchema(_ v: Value) -> Bool {
        switch v {
        case .bool, .object: return true
        default: return false
        }
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    private mutating func parse(_ value: Value, into index: Int, depth: Int) throws {
        if draft >= 6, case .bool(let b) = value {
            nodes[index].pass = b
            return
        }
        guard case .object(let m) = value else {
            throw SchemaError(message: "Expected: valid schema, given: Invalid JSON")
        }
        func get(_ key: String) -> Value? { m[.string(key)] }
        func string(_ key: String) throws -> String? {
            guard let v = get(key) else { return nil }
            guard case .string(let s) = v else { throw Self.invalidType("string", key) }
            return s
        }
        func slice(_ key: String) throws -> [Value]? {
            guard let v = get(key) else { return nil }
            guard case .array(let a) = v else { throw SchemaError(message: "\(key) must be of an array") }
            return a
        }
        func integer(_ key: String) throws -> Int? {
            guard let v = get(key) else { return nil }
            guard case .number(let n) = v, n.isInteger, let i = n.intValue else {
                throw SchemaError(message: "\(key) must be of an integer")
            }
            if i < 0 { throw SchemaError(message: "\(key) must be greater than or equal to 0") }
            return i
        }
        func number(_ key: String) throws -> EncodingRational? {
            guard let v = get(key) else { return nil }
            guard case .number(let n) = v, let r = EncodingRational(n) else {
                throw SchemaError(message: "\(key) must be of a number")
            }
            return r
        }

        let idKey = draft == 4 ? "id" : (draft == Int.max && get("id") != nil ? "id" : "$id")
        _ = try string(idKey)

        if let definitions = get("definitions") {
            guard case .object(let defs) = definitions else { throw Self.invalidType("array of schemas", "definitions") }
            for (_, def) in defs.sorted(by: { $0.key < $1.key }) {
                guard Self.isSchema(def) else { throw Self.invalidType("array of schemas", "definitions") }
                _ = try child(def, depth: depth)
            }
        }
        _ = try string("title")
        _ = try string("description")

        if let ref = try string("$ref") {
            if let existing = refPool[ref] {
                nodes[index].ref = existing
            } else {
                let target = newNode()
                refPool[ref] = target
                nodes[index].ref = target
                let resolved = try resolve(ref)
                guard Self.isSchema(resolved) else { throw SchemaError(message: "valid schema must be of type object") }
                try parse(resolved, into: target, depth: depth + 1)
                return
            }
        }

        if let type = get("type") {
            switch type {
            case .string(let t): try addType(t, to: index)
            case .array(let ts):
                for t in ts {
                    guard case .string(let s) = t else { throw Self.invalidType("type", "string/array of strings") }
                    try addType(s, to: index)
                }
            default: throw Self.invalidType("type", "string/array of strings")
            }
        }

        if let properties = get("properties") {
            guard case .object(let props) = properties else {
                throw SchemaError(message: "properties must be of type object")
            }
            for (key, schema) in props.sorted(by: { $0.key < $1.key }) {
                let name = JSONWriter.keyText(key)
                nodes[index].properties.append((name, try child(schema, depth: depth)))
            }
        }

        if let additional = get("additionalProperties") {
            switch additional {
            case .bool(let b): nodes[index].additionalProperties = .allowed(b)
            case .object: nodes[index].additionalProperties = .schema(try child(additional, depth: depth))
            default: throw Self.invalidType("boolean/valid schema", "additionalProperties")
            }
        }

        if let patterns = get("patternProperties") {
            guard case .object(let pp) = patterns else { throw Self.invalidType("valid schema", "patternProperties") }
            for (key, schema) in pp.sorted(by: { $0.key < $1.key }) {
                let pattern = JSONWriter.keyText(key)
                guard let regex = EncodingSchemaRegex.compile(pattern) else {
                    throw SchemaError(message: "Invalid regex pattern '\(pattern)'")
                }
                nodes[index].patternProperties.append((pattern, regex, try child(schema, depth: depth)))
            }
        }

        if draft >= 6, let names = get("propertyNames") {
            guard Self.isSchema(names) else { throw Self.invalidType("valid schema", "patternProperties") }
            nodes[index].propertyNames = try child(names, depth: depth)
        }

        if let dependencies = get("dependencies") {
            guard case .object(let deps) = dependencies else {
                throw SchemaError(message: "dependencies must be of type object")
            }
            for (key, dep) in deps.sorted(by: { $0.key < $1.key }) {
                let name = JSONWriter.keyText(key)
                switch dep {
                case .array(let items):
                    var names: [String] = []
                    for item in items {
                        guard case .string(let s) = item else {
                            throw SchemaError(message: "dependency must be of type schema or array of strings")
                        }
                        names.append(s)
                    }
                    nodes[index].dependencies.append((name, .properties(names)))
                case .bool, .object:
                    nodes[index].dependencies.append((name, .schema(try child(dep, depth: depth))))
                default:
                    throw SchemaError(message: "dependency must be of type schema or array of strings")
                }
            }
        }

        if let items = get("items") {
            switch items {
            case .array(let list):
                for item in list {
                    guard Self.isSchema(item) else { throw Self.invalidType("valid schema/array of schemas", "items") }
                    nodes[index].items.append(try child(item, depth: depth))
                }
            case .object, .bool:
                nodes[index].items.append(try child(items, depth: depth))
                nodes[index].itemsIsSingleSchema = true
            default:
                throw Self.invalidType("valid schema/array of schemas", "items")
            }
        }

        if let additional = get("additionalItems") {
            switch additional {
            case .bool(let b): nodes[index].additionalItems = .allowed(b)
            case .object: nodes[index].additionalItems = .schema(try child(additional, depth: depth))
            default: throw Self.invalidType("boolean/valid schema", "additionalItems")
            }
        }

        if let v = get("multipleOf") {
            guard case .number(let n) = v, let r = EncodingRational(n) else { throw Self.invalidType("number", "multipleOf") }
            guard r.numerator > 0 else { throw SchemaError(message: "multipleOf must be strictly greater than 0") }
            nodes[index].multipleOf = r
        }
        nodes[index].minimum = try number("minimum")
        try parseExclusive("exclusiveMinimum", bound: "minimum", m: m, index: index)
        nodes[index].maximum = try number("maximum")
        try parseExclusive("exclusiveMaximum", bound: "maximum", m: m, index: index)

        nodes[index].minLength = try integer("minLength")
        nodes[index].maxLength = try integer("maxLength")
        if let lo = nodes[index].minLength, let hi = nodes[index].maxLength, lo > hi {
            throw SchemaError(message: "minLength cannot be greater than maxLength")
        }
        if let pattern = try string("pattern") {
            guard let regex = EncodingSchemaRegex.compile(pattern) else {
                throw SchemaError(message: "pattern must be a valid regex")
            }
            nodes[index].pattern = (pattern, regex)
        }
        nodes[index].format = try string("format")

        nodes[index].minProperties = try integer("minProperties")
        nodes[index].maxProperties = try integer("maxProperties")
        if let lo = nodes[index].minProperties, let hi = nodes[index].maxProperties, lo > hi {
            throw SchemaError(message: "minProperties cannot be greater than maxProperties")
        }
        for item in try slice("required") ?? [] {
            guard case .string(let s) = item else { throw Self.invalidType("string", "required") }
            if nodes[index].required.contains(s) { throw SchemaError(message: "required items must be unique") }
            nodes[index].required.append(s)
        }

        nodes[index].minItems = try integer("minItems")
        nodes[index].maxItems = try integer("maxItems")
        if let unique = get("uniqueItems") {
            guard case .bool(let b) = unique else { throw SchemaError(message: "uniqueItems must be of a boolean") }
            nodes[index].uniqueItems = b
        }
        if draft >= 6, let contains = get("contains") {
            nodes[index].contains = try child(contains, depth: depth)
        }
        if draft >= 6, let c = get("const") {
            nodes[index].constValue = EncodingJSONSchema.canonicalJSON(c)
        }
        if let values = try slice("enum") {
            var canonical: [String] = []
            for v in values {
                let text = EncodingJSONSchema.canonicalJSON(v)
                if canonical.contains(text) { throw SchemaError(message: "enum items must be unique") }
                canonical.append(text)
            }
            nodes[index].enumValues = canonical
        }

        for (key, keyPath) in [("oneOf", \EncodingSchemaNode.oneOf), ("anyOf", \.anyOf), ("allOf", \.allOf)] {
            for v in try slice(key) ?? [] {
                let c = try child(v, depth: depth)
                nodes[index][keyPath: keyPath].append(c)
            }
        }
        if let not = get("not") {
            guard Self.isSchema(not) else { throw SchemaError(message: "not must be of an object") }
            nodes[index].not = try child(not, depth: depth)
        }
        if draft >= 7 {
            for (key, keyPath) in [("if", \EncodingSchemaNode.ifSchema), ("then", \.thenSchema), ("else", \.elseSchema)] {
                guard let v = get(key) else { continue }
                guard Self.isSchema(v) else { throw SchemaError(message: "\(key) must be of an object") }
                let c = try child(v, depth: depth)
                nodes[index][keyPath: keyPath] = c
            }
        }
    }

    private mutating func parseExclusive(_ key: String, bound: String, m: [Value: Value], index: Int) throws {
        guard let v = m[.string(key)] else { return }
        let isMin = bound == "minimum"
        func useBound(_ enabled: Bool) throws {
            let current = isMin ? nodes[index].minimum : nodes[index].maximum
            guard let current else { throw SchemaError(message: "\(key) cannot be used without \(bound)") }
            guard enabled else { return }
            if isMin { nodes[index].exclusiveMinimum = current; nodes[index].minimum = nil }
            else { nodes[index].exclusiveMaximum = current; nodes[index].maximum = nil }
        }
        switch (draft, v) {
        case (4, .bool(let b)), (Int.max, .bool(let b)):
            try useBound(b)
        case (4, _):
            throw Self.invalidType("boolean", key)
        case (_, .number(let n)):
            if isMin { nodes[index].exclusiveMinimum = EncodingRational(n) } else { nodes[index].exclusiveMaximum = EncodingRational(n) }
        case (Int.max, _):
            throw Self.invalidType("boolean/number", key)
        default:
            throw Self.invalidType("number", key)
        }
    }

    private mutating func addType(_ type: String, to index: Int) throws {
        guard Self.jsonTypes.contains(type) else {
            throw SchemaError(message: "has a primitive type that is NOT VALID -- given: /\(type)/ Expected valid values are:[array boolean integer number null object string]")
        }
        if nodes[index].types.contains(type) { throw SchemaError(message: "\(type) type is duplicated") }
        nodes[index].types.append(type)
    }

    /// Resolves a local reference (`#`, `#/definitions/x`, `#/properties/a/items/0`).
    private func resolve(_ ref: String) throws -> Value {
        guard let hash = ref.firstIndex(of: "#"), ref[..<hash].isEmpty || ref[..<hash] == "/" else {
            throw SchemaError(message: "Reference \(ref) cannot be resolved")
        }
        var current = document
        let pointer = ref[ref.index(after: hash)...]
        if pointer.isEmpty { return current }
        guard pointer.hasPrefix("/") else { throw SchemaError(message: "Reference \(ref) cannot be resolved") }
        for rawToken in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = (String(rawToken).removingPercentEncoding ?? String(rawToken))
                .replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object(let o):
                guard let next = o[.string(token)] else { throw SchemaError(message: "Object has no key '\(token)'") }
                current = next
            case .array(let a):
                guard let i = Int(token), i >= 0, i < a.count else {
                    throw SchemaError(message: "Out of bound array[0,\(a.count)] index '\(token)'")
                }
                current = a[i]
            default:
                throw SchemaError(message: "Invalid token reference '\(token)'")
            }
        }
        return current
    }
}

/// Compiles Go (RE2) patterns with Foundation's engine; close for common syntax.
enum EncodingSchemaRegex {
    static func compile(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: [])
    }

    static func matches(_ regex: NSRegularExpression, _ s: String) -> Bool {
        regex.firstMatch(in: s, options: [], range: NSRange(s.startIndex..., in: s)) != nil
    }
}
