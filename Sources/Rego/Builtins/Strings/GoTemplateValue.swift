import PalisadeCore

/// A value inside a Go template, as OPA hands the variables to
/// text/template after a JSON round trip: numbers are `json.Number` (a Go
/// string type), sets are arrays, object keys are strings.
indirect enum GoTemplateValue {
    /// A key missing from the variables.
    case undefined
    case null
    case bool(Bool)
    /// `json.Number`: prints and compares as its text.
    case number(String)
    /// Go `int`, from integer literals, range indexes and `len`.
    case int(Int)
    case float(Double)
    case string(String)
    case array([GoTemplateValue])
    case object([String: GoTemplateValue])

    init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n.description)
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(items.map(GoTemplateValue.init))
        case .set(let items): self = .array(items.sorted().map(GoTemplateValue.init))
        case .object(let fields):
            var map: [String: GoTemplateValue] = [:]
            for (key, field) in fields { map[JSONWriter.keyText(key)] = GoTemplateValue(field) }
            self = .object(map)
        }
    }

    /// `fmt.Fprint` of the value.
    var text: String {
        switch self {
        case .undefined: return "<undefined>"
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .number(let s), .string(let s): return s
        case .int(let i): return String(i)
        case .float(let d): return GoFloatFormat.format(d, UInt8(ascii: "g"), precision: -1)
        case .array(let items): return "[" + items.map(\.text).joined(separator: " ") + "]"
        case .object(let fields):
            return "map[" + fields.keys.sorted().map { "\($0):\(fields[$0]?.text ?? "")" }.joined(separator: " ") + "]"
        }
    }

    /// Go's template truth: false for zero values, nil and empty collections.
    var isTrue: Bool {
        switch self {
        case .undefined, .null: return false
        case .bool(let b): return b
        case .number(let s), .string(let s): return !s.isEmpty
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .array(let items): return !items.isEmpty
        case .object(let fields): return !fields.isEmpty
        }
    }

    /// The Go type name used in error messages.
    var goType: String {
        switch self {
        case .undefined: return "<no value>"
        case .null: return "<nil>"
        case .bool: return "bool"
        case .number: return "json.Number"
        case .int: return "int"
        case .float: return "float64"
        case .string: return "string"
        case .array: return "[]interface {}"
        case .object: return "map[string]interface {}"
        }
    }

    /// As an argument of the template's `printf`.
    var formatArgument: GoFormatArgument {
        switch self {
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .number(let s), .string(let s): return .string(s)
        default: return .string(text)
        }
    }

    /// Whether `fmt.Sprint` treats the value as a string (no added spaces).
    var isStringKind: Bool {
        switch self {
        case .number, .string: return true
        default: return false
        }
    }
}
