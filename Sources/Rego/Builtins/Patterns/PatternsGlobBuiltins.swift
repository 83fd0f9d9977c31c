import PalisadeCore

/// glob.match and glob.quote_meta.
extension PatternBuiltins {
    static var globBuiltins: [Builtin] { [globMatch, globQuoteMeta] }

    static let globMatch = Builtin("glob.match", arity: 3) { args, ctx in
        let pattern = try args.string(0)
        let separators = try globSeparators(args)
        let value = try args.string(2)
        guard pattern.utf8.count <= maxPatternBytes else {
            throw args.failure("glob pattern too large (limit \(maxPatternBytes) bytes)")
        }
        var key = "patterns.glob:" + pattern + "-"
        key.unicodeScalars.append(contentsOf: separators)
        do {
            let glob = try ctx.memoized(key) { try PatternsGlob(pattern, separators: separators) }
            return .bool(glob.matches(value))
        } catch let error as PatternsGlob.SyntaxError {
            throw args.failure(error.message)
        }
    }

    /// Operand 2: null for no separators, an array of one-character strings
    /// (empty meaning the default `.`).
    static func globSeparators(_ args: BuiltinArgs) throws -> [Unicode.Scalar] {
        switch args[1] {
        case .null:
            return []
        case .array(let items):
            var separators: [Unicode.Scalar] = []
            for item in items {
                guard case .string(let s) = item else {
                    throw BuiltinError(.type, "\(args.name): operand 2 must be array of string but got array containing \(item.typeName)")
                }
                let scalars = Array(s.unicodeScalars)
                guard scalars.count == 1 else {
                    throw BuiltinError(.type, "\(args.name): operand 2 must be array of rune but got array containing string")
                }
                separators.append(scalars[0])
            }
            return separators.isEmpty ? ["."] : separators
        default:
            throw args.typeError(1, expected: "one of {array, null}")
        }
    }

    static let globQuoteMeta = Builtin("glob.quote_meta", arity: 1) { args, _ in
        .string(PatternsGlob.quoteMeta(try args.string(0)))
    }
}
