import PalisadeCore

/// to_number and the deprecated cast_* builtins.
extension StringBuiltins {
    static var castBuiltins: [Builtin] {
        [
            Builtin("to_number", arity: 1) { args, _ in try toNumber(args) },
            Builtin("cast_array", arity: 1) { args, _ in
                guard args[0].elements != nil else { throw args.typeError(0, expected: "one of {array, set}") }
                return .array(try args.arrayOrSet(0))
            },
            Builtin("cast_set", arity: 1) { args, _ in
                guard let items = args[0].elements else { throw args.typeError(0, expected: "one of {array, set}") }
                return .set(Set(items))
            },
            identityCast("cast_string", "string"),
            identityCast("cast_boolean", "boolean"),
            identityCast("cast_null", "null"),
            identityCast("cast_object", "object"),
        ]
    }

    private static func identityCast(_ name: String, _ type: String) -> Builtin {
        Builtin(name, arity: 1) { args, _ in
            guard args[0].typeName == type else { throw args.typeError(0, expected: type) }
            return args[0]
        }
    }

    private static func toNumber(_ args: BuiltinArgs) throws -> Value {
        switch args[0] {
        case .null: return .int(0)
        case .bool(let b): return .int(b ? 1 : 0)
        case .number: return args[0]
        case .string(let s):
            let word = s.drop { $0 == "+" || $0 == "-" }.lowercased()
            if word == "inf" || word == "infinity" || word == "nan" {
                throw args.typeError(0, expected: "valid number string")
            }
            switch GoFloatSyntax.parse(s) {
            case .number(let n): return .number(n)
            case .invalidSyntax: throw args.failure("strconv.ParseFloat: parsing \(GoQuote.quote(s)): invalid syntax")
            case .outOfRange: throw args.failure("strconv.ParseFloat: parsing \(GoQuote.quote(s)): value out of range")
            }
        default:
            throw args.typeError(0, expected: "one of {null, boolean, number, string}")
        }
    }
}
