import PalisadeCore

/// Searching inside strings: contains, startswith, endswith, indexof,
/// indexof_n, strings.count, strings.any_prefix_match, strings.any_suffix_match.
extension StringBuiltins {
    static var stringSearchBuiltins: [Builtin] {
        [
            Builtin("contains", arity: 2) { args, _ in
                .bool(StringsUTF8.contains(try args.string(0), try args.string(1)))
            },
            Builtin("startswith", arity: 2) { args, _ in
                .bool(StringsUTF8.hasPrefix(try args.string(0), try args.string(1)))
            },
            Builtin("endswith", arity: 2) { args, _ in
                .bool(StringsUTF8.hasSuffix(try args.string(0), try args.string(1)))
            },
            Builtin("indexof", arity: 2) { args, _ in
                let (base, search) = try searchOperands(args)
                return .int(runeIndices(of: search, in: base, firstOnly: true).first ?? -1)
            },
            Builtin("indexof_n", arity: 2) { args, _ in
                let (base, search) = try searchOperands(args)
                return .array(runeIndices(of: search, in: base, firstOnly: false).map { .int($0) })
            },
            Builtin("strings.count", arity: 2) { args, _ in
                .int(StringsUTF8.count(try args.string(1), in: try args.string(0)))
            },
            Builtin("strings.any_prefix_match", arity: 2) { args, _ in
                let strings = try stringList(args, 0), prefixes = try stringList(args, 1)
                return .bool(strings.contains { s in prefixes.contains { StringsUTF8.hasPrefix(s, $0) } })
            },
            Builtin("strings.any_suffix_match", arity: 2) { args, _ in
                let strings = try stringList(args, 0), suffixes = try stringList(args, 1)
                return .bool(strings.contains { s in suffixes.contains { StringsUTF8.hasSuffix(s, $0) } })
            },
        ]
    }

    private static func searchOperands(_ args: BuiltinArgs) throws -> (String, String) {
        let base = try args.string(0), search = try args.string(1)
        if search.isEmpty { throw args.failure("empty search character") }
        return (base, search)
    }

    /// Code-point offsets where `search` occurs (overlapping matches allowed).
    private static func runeIndices(of search: String, in base: String, firstOnly: Bool) -> [Int] {
        let hay = Array(base.unicodeScalars), needle = Array(search.unicodeScalars)
        guard hay.count >= needle.count else { return [] }
        var found: [Int] = []
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
            if hay[i..<(i + needle.count)].elementsEqual(needle) {
                found.append(i)
                if firstOnly { break }
            }
        }
        return found
    }

    /// A string, or an array/set of strings, as OPA's any_*_match accept.
    private static func stringList(_ args: BuiltinArgs, _ i: Int) throws -> [String] {
        switch args[i] {
        case .string(let s):
            return [s]
        case .array, .set:
            return try stringElements(args, i)
        default:
            throw args.typeError(i, expected: "one of {string, set, array}")
        }
    }

    /// The elements of an array or set operand that must all be strings:
    /// `operand 2 must be array of strings but got array containing number`.
    static func stringElements(_ args: BuiltinArgs, _ i: Int) throws -> [String] {
        let container = args[i]
        return try (container.elements ?? []).map { element in
            guard case .string(let s) = element else {
                let kind = container.typeName
                throw BuiltinError(
                    .type,
                    "\(args.name): operand \(i + 1) must be \(kind) of strings but got \(kind) containing \(element.typeName)")
            }
            return s
        }
    }
}
