/// The predefined functions of Go templates that this subset supports.
enum GoTemplateFunctions {
    typealias Failure = GoTemplate.Failure

    static func call(_ name: String, _ args: [GoTemplateValue]) throws -> GoTemplateValue {
        switch name {
        case "not":
            try arity(name, args, 1)
            return .bool(!args[0].isTrue)
        case "and":
            try arity(name, args, atLeast: 1)
            return args.first { !$0.isTrue } ?? args[args.count - 1]
        case "or":
            try arity(name, args, atLeast: 1)
            return args.first { $0.isTrue } ?? args[args.count - 1]
        case "len":
            try arity(name, args, 1)
            return .int(try length(args[0]))
        case "index":
            try arity(name, args, atLeast: 1)
            return try args.dropFirst().reduce(args[0]) { try index($0, $1) }
        case "eq":
            try arity(name, args, atLeast: 2)
            return .bool(try args.dropFirst().contains { try compare(args[0], $0, name) == 0 })
        case "ne":
            try arity(name, args, 2)
            return .bool(try compare(args[0], args[1], name) != 0)
        case "lt", "le", "gt", "ge":
            try arity(name, args, 2)
            let order = try compare(args[0], args[1], name, ordered: true)
            switch name {
            case "lt": return .bool(order < 0)
            case "le": return .bool(order <= 0)
            case "gt": return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case "print":
            return .string(sprint(args))
        case "println":
            return .string(args.map(\.text).joined(separator: " ") + "\n")
        case "printf":
            try arity(name, args, atLeast: 1)
            guard case .string(let format) = args[0] else { throw Failure(message: "template: printf: format must be a string") }
            return .string(try GoPrinter.sprintf(format, args.dropFirst().map(\.formatArgument)))
        default:
            throw Failure(message: "template: function \"\(name)\" not defined")
        }
    }

    private static func arity(_ name: String, _ args: [GoTemplateValue], _ n: Int) throws {
        if args.count != n { throw Failure(message: "template: wrong number of args for \(name): want \(n) got \(args.count)") }
    }

    private static func arity(_ name: String, _ args: [GoTemplateValue], atLeast n: Int) throws {
        if args.count < n { throw Failure(message: "template: wrong number of args for \(name): want at least \(n) got \(args.count)") }
    }

    /// `fmt.Sprint`: spaces between operands when neither is a string.
    private static func sprint(_ args: [GoTemplateValue]) -> String {
        var out = ""
        for (i, arg) in args.enumerated() {
            if i > 0 && !arg.isStringKind && !args[i - 1].isStringKind { out += " " }
            out += arg.text
        }
        return out
    }

    private static func length(_ value: GoTemplateValue) throws -> Int {
        switch value {
        case .string(let s), .number(let s): return s.utf8.count
        case .array(let items): return items.count
        case .object(let fields): return fields.count
        default: throw Failure(message: "template: len of type \(value.goType)")
        }
    }

    private static func index(_ collection: GoTemplateValue, _ key: GoTemplateValue) throws -> GoTemplateValue {
        switch (collection, key) {
        case (.array(let items), .int(let i)):
            guard i >= 0 && i < items.count else { throw Failure(message: "template: index out of range: \(i)") }
            return items[i]
        case (.string(let s), .int(let i)):
            let bytes = Array(s.utf8)
            guard i >= 0 && i < bytes.count else { throw Failure(message: "template: index out of range: \(i)") }
            return .int(Int(bytes[i]))
        case (.object(let fields), .string(let k)):
            return fields[k] ?? .null
        case (.undefined, _), (.null, _):
            throw Failure(message: "template: index of untyped nil")
        default:
            throw Failure(message: "template: can't index item of type \(collection.goType)")
        }
    }

    /// Go's template comparison of basic kinds (json.Number compares as a string).
    private static func compare(_ a: GoTemplateValue, _ b: GoTemplateValue, _ name: String, ordered: Bool = false) throws -> Int {
        switch (a, b) {
        case (.bool(let x), .bool(let y)) where !ordered:
            return x == y ? 0 : 1
        case (.int(let x), .int(let y)):
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.float(let x), .float(let y)):
            return x < y ? -1 : (x == y ? 0 : 1)
        case (.int(let x), .float(let y)):
            return Double(x) < y ? -1 : (Double(x) == y ? 0 : 1)
        case (.float(let x), .int(let y)):
            return x < Double(y) ? -1 : (x == Double(y) ? 0 : 1)
        default:
            guard let x = stringKind(a), let y = stringKind(b) else {
                throw Failure(message: "template: \(name): incompatible types for comparison")
            }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }

    private static func stringKind(_ v: GoTemplateValue) -> String? {
        switch v {
        case .string(let s), .number(let s): return s
        default: return nil
        }
    }
}
