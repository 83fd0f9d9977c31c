import PalisadeCore

/// json.verify_schema and json.match_schema, following gojsonschema as OPA embeds it.
enum EncodingJSONSchema {
    static var builtins: [Builtin] {
        [
            Builtin("json.verify_schema", arity: 1) { args, _ in
                do {
                    _ = try EncodingSchemaCompiler.compile(try loadJSON(args[0]))
                    return .array([.true, .null])
                } catch let error as SchemaError {
                    return .array([.false, .string("jsonschema: " + error.message)])
                }
            },
            Builtin("json.match_schema", arity: 2) { args, _ in
                do {
                    let document = try loadJSON(args[0])
                    let schema = try EncodingSchemaCompiler.compile(try loadJSON(args[1]))
                    let result = EncodingSchemaValidator(schema: schema).validate(document)
                    let errors: [Value] = result.errors.map { e in
                        .object(fields: [
                            "error": .string(e.field + ": " + e.description),
                            "type": .string(e.type),
                            "field": .string(e.field),
                            "desc": .string(e.description),
                        ])
                    }
                    return .array([.bool(errors.isEmpty), .array(errors)])
                } catch let error as SchemaError {
                    throw args.failure(error.message)
                }
            },
        ]
    }

    struct SchemaError: Error { var message: String }

    /// A string operand is JSON text; objects and arrays are used as they are.
    static func loadJSON(_ value: Value) throws -> Value {
        switch value {
        case .string(let text):
            guard !text.hasPrefix("\u{FEFF}"), let decoded = try? JSONReader.decode(text) else {
                throw SchemaError(message: "invalid JSON string")
            }
            return decoded
        case .object, .array, .set:
            return jsonValue(value)
        default:
            throw SchemaError(message: "wrong type, expected string or object")
        }
    }

    /// Sets become arrays and keys become strings, as ast.JSON does.
    static func jsonValue(_ value: Value) -> Value {
        switch value {
        case .array(let items): return .array(items.map(jsonValue))
        case .set(let items): return .array(items.sorted().map(jsonValue))
        case .object(let fields):
            var out: [Value: Value] = [:]
            for (k, v) in fields {
                let key: String
                if case .string(let s) = k { key = s } else { key = EncodingGoJSON().string(k) }
                out[.string(key)] = jsonValue(v)
            }
            return .object(out)
        default: return value
        }
    }

    /// gojsonschema's marshalWithoutNumber: JSON after a float64 round trip,
    /// so 1 and 1.0 compare equal.
    static func canonicalJSON(_ value: Value) -> String {
        switch value {
        case .number(let n): return goJSONFloat(n.doubleValue)
        case .array(let items): return "[" + items.map(canonicalJSON).joined(separator: ",") + "]"
        case .set(let items): return "[" + items.sorted().map(canonicalJSON).joined(separator: ",") + "]"
        case .object(let fields):
            let entries = fields.map { (key: JSONWriter.keyText($0.key), value: $0.value) }
                .sorted { EncodingGoStrings.less($0.key, $1.key) }
            let encoder = EncodingGoJSON()
            return "{" + entries.map { encoder.string(.string($0.key)) + ":" + canonicalJSON($0.value) }
                .joined(separator: ",") + "}"
        default: return EncodingGoJSON().string(value)
        }
    }

    /// encoding/json's float64 format.
    static func goJSONFloat(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == 0 { return "0" }
        let (digits, point) = EncodingGoFloat.shortestDigits(d)
        let text = digits.map { String($0) }.joined()
        let sign = d < 0 ? "-" : ""
        if abs(d) < 1e-6 || abs(d) >= 1e21 {
            var mantissa = String(text.prefix(1))
            if text.count > 1 { mantissa += "." + text.dropFirst() }
            let exp = point - 1
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + String(abs(exp))
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + text }
        if point >= text.count { return sign + text + String(repeating: "0", count: point - text.count) }
        let idx = text.index(text.startIndex, offsetBy: point)
        return sign + text[..<idx] + "." + text[idx...]
    }
}
