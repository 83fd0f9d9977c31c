import Foundation

/// Extracts field values from an event and applies transformers.
enum FieldEvaluator {
    static func value(_ field: CompiledField, _ event: some FieldSource) -> FieldValue? {
        switch field {
        case .field(let ref):
            return event.extract(ref)
        case .literal(let text):
            return .string(text)
        case .list(let items):
            return .list(items.compactMap { value($0, event) })
        case .transformer(let kind, let args, _):
            return transform(kind, args, event)
        }
    }

    static func transform(_ kind: FilterTransformer, _ args: [CompiledField], _ event: some FieldSource) -> FieldValue? {
        switch kind {
        case .val:
            return args.first.flatMap { value($0, event) }
        case .join:
            guard args.count == 2, case .literal(let separator) = args[0],
                  case .list(let items)? = value(args[1], event) else { return nil }
            return .string(items.map(text).joined(separator: separator))
        case .concat:
            return .string(args.compactMap { value($0, event) }.map(text).joined())
        case .getopt:
            return nil
        default:
            guard let input = args.first.flatMap({ value($0, event) }) else { return nil }
            return map(input) { apply(kind, $0) }
        }
    }

    static func map(_ input: FieldValue, _ body: (FieldValue) -> FieldValue?) -> FieldValue? {
        if case .list(let items) = input { return .list(items.compactMap(body)) }
        return body(input)
    }

    static func apply(_ kind: FilterTransformer, _ input: FieldValue) -> FieldValue? {
        switch kind {
        case .tolower: return .string(text(input).lowercased())
        case .toupper: return .string(text(input).uppercased())
        case .basename:
            let string = text(input)
            if string.hasSuffix("/") { return .string("") }
            return .string(string.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? string)
        case .len:
            switch input {
            case .bytes(let bytes): return .integer(Int64(bytes.count))
            default: return .integer(Int64(text(input).utf8.count))
            }
        case .b64:
            guard let data = Data(base64Encoded: text(input)) else { return nil }
            return .string(String(decoding: data, as: UTF8.self))
        default: return input
        }
    }

    /// The textual form of a value, as Falco prints it.
    static func text(_ value: FieldValue) -> String {
        switch value {
        case .string(let string): return string
        case .integer(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .ipAddress(let bytes):
            if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
            return bytes.map { String(format: "%02x", $0) }.joined()
        case .list(let items): return "(" + items.map(text).joined(separator: ",") + ")"
        }
    }

    /// Converts values read from another field (`val()`) to constants of `type`.
    static func constants(of value: FieldValue, as type: FieldType) -> [FilterConstant] {
        switch value {
        case .list(let items): return items.flatMap { constants(of: $0, as: type) }
        case .integer(let number): return [.integer(number)]
        case .bool(let flag): return [.bool(flag)]
        case .bytes(let bytes): return [.bytes(bytes)]
        case .ipAddress(let bytes): return [.ipAddress(bytes)]
        case .string(let string):
            return FilterConstant.parse(string, type: type, op: .equal).map { [$0] } ?? []
        }
    }
}
