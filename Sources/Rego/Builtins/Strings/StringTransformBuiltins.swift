import PalisadeCore

/// Building new strings: concat, split, substring, lower, upper, replace,
/// strings.replace_n, strings.reverse.
extension StringBuiltins {
    static var stringTransformBuiltins: [Builtin] {
        [
            Builtin("concat", arity: 2) { args, _ in
                let separator = try args.string(0)
                guard case .array = args[1] else {
                    guard case .set = args[1] else { throw args.typeError(1, expected: "one of {set, array}") }
                    return .string(try stringElements(args, 1).joined(separator: separator))
                }
                return .string(try stringElements(args, 1).joined(separator: separator))
            },
            Builtin("split", arity: 2) { args, _ in
                let text = try args.string(0), delimiter = try args.string(1)
                return .array(split(text, by: delimiter).map { .string($0) })
            },
            Builtin("substring", arity: 3) { args, _ in
                try substring(args)
            },
            Builtin("lower", arity: 1) { args, _ in
                .string(GoCase.lower(try args.string(0)))
            },
            Builtin("upper", arity: 1) { args, _ in
                .string(GoCase.upper(try args.string(0)))
            },
            Builtin("replace", arity: 3) { args, _ in
                let s = try args.string(0), old = try args.string(1), new = try args.string(2)
                return .string(GoReplacer(pairs: [(old, new)]).replace(in: s))
            },
            Builtin("strings.replace_n", arity: 2) { args, _ in
                let patterns = try args.object(0)
                let s = try args.string(1)
                return .string(GoReplacer(pairs: try replacementPairs(patterns, args)).replace(in: s))
            },
            Builtin("strings.reverse", arity: 1) { args, _ in
                var scalars = String.UnicodeScalarView()
                scalars.append(contentsOf: try args.string(0).unicodeScalars.reversed())
                return .string(String(scalars))
            },
        ]
    }

    /// Go's `strings.Split`, where an empty delimiter splits into code points.
    private static func split(_ text: String, by delimiter: String) -> [String] {
        if delimiter.isEmpty { return text.unicodeScalars.map { String($0) } }
        return StringsUTF8.split(text, by: delimiter)
    }

    /// Code-point substring; a negative length means "to the end".
    private static func substring(_ args: BuiltinArgs) throws -> Value {
        let base = try args.string(0)
        let start = try args.int(1)
        let length = try args.int(2)
        if start < 0 { throw args.failure("negative offset") }
        let scalars = Array(base.unicodeScalars)
        if start >= scalars.count { return .string("") }
        let end = length < 0 ? scalars.count : min(scalars.count, start + min(length, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return .string(String(view))
    }

    /// The (old, new) pairs of a replace_n pattern object, in key order.
    private static func replacementPairs(_ patterns: [Value: Value], _ args: BuiltinArgs) throws -> [(String, String)] {
        try patterns.keys.sorted().map { key in
            guard case .string(let old) = key else {
                throw BuiltinError(.type, "\(args.name): operand 1 non-string key found in pattern object")
            }
            guard case .string(let new)? = patterns[key] else {
                throw BuiltinError(.type, "\(args.name): operand 1 non-string value found in pattern object")
            }
            return (old, new)
        }
    }
}

/// Go's `strings.NewReplacer`: scans left to right; at each position the
/// first pair (in argument order) whose old string matches wins; matches
/// never overlap. An empty old string matches between code points.
struct GoReplacer {
    private let pairs: [(old: [UInt8], new: String)]

    init(pairs: [(String, String)]) {
        self.pairs = pairs.map { (Array($0.0.utf8), $0.1) }
    }

    func replace(in s: String) -> String {
        let bytes = Array(s.utf8)
        var out = ""
        var i = 0
        var lastMatchWasEmpty = false
        while i <= bytes.count {
            if let pair = match(in: bytes, at: i, skippingEmpty: lastMatchWasEmpty) {
                out += pair.new
                i += pair.old.count
                lastMatchWasEmpty = pair.old.isEmpty
                continue
            }
            lastMatchWasEmpty = false
            guard i < bytes.count else { break }
            let next = min(bytes.count, i + StringsUTF8.sequenceLength(bytes[i]))
            out += StringsUTF8.text(bytes[i..<next])
            i = next
        }
        return out
    }

    private func match(in bytes: [UInt8], at i: Int, skippingEmpty: Bool) -> (old: [UInt8], new: String)? {
        pairs.first { pair in
            if pair.old.isEmpty { return !skippingEmpty }
            return StringsUTF8.matches(pair.old, in: bytes, at: i)
        }
    }
}
