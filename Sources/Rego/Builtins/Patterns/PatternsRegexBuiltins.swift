import PalisadeCore

/// regex.* builtins backed by the RE2 engine in PalisadeCore.
extension PatternBuiltins {
    /// Largest string `regex.replace` may produce.
    static let maxReplaceBytes = 1 << 26

    static var regexBuiltins: [Builtin] {
        [regexMatch("regex.match"), regexMatch("re_match"), regexIsValid, regexSplit, regexFind,
         regexFindAllSubmatch, regexReplace]
    }

    /// The compiled expression, cached for the evaluation.
    static func compiledRegex(_ pattern: String, _ args: BuiltinArgs, _ ctx: BuiltinContext) throws -> RE2Regex {
        guard pattern.utf8.count <= maxPatternBytes else {
            throw args.failure("regular expression too large (limit \(maxPatternBytes) bytes)")
        }
        do {
            return try ctx.memoized("patterns.regex:" + pattern) { try RE2Regex(pattern) }
        } catch let error as RE2Error {
            throw args.failure(error.description)
        }
    }

    static func regexMatch(_ name: String) -> Builtin {
        Builtin(name, arity: 2) { args, ctx in
            let pattern = try args.string(0)
            let value = try args.string(1)
            return .bool(try compiledRegex(pattern, args, ctx).matches(value))
        }
    }

    static let regexIsValid = Builtin("regex.is_valid", arity: 1) { args, _ in
        guard case .string(let pattern) = args[0], pattern.utf8.count <= maxPatternBytes else { return .false }
        return .bool(RE2Regex.isValid(pattern))
    }

    static let regexSplit = Builtin("regex.split", arity: 2) { args, ctx in
        let pattern = try args.string(0)
        let value = try args.string(1)
        return .array(try compiledRegex(pattern, args, ctx).split(value).map(Value.string))
    }

    static let regexFind = Builtin("regex.find_n", arity: 3) { args, ctx in
        let pattern = try args.string(0)
        let value = try args.string(1)
        let limit = try args.int(2)
        return .array(try compiledRegex(pattern, args, ctx).allMatchedSubstrings(in: value, limit: limit).map(Value.string))
    }

    static let regexFindAllSubmatch = Builtin("regex.find_all_string_submatch_n", arity: 3) { args, ctx in
        let pattern = try args.string(0)
        let value = try args.string(1)
        let limit = try args.int(2)
        let matches = try compiledRegex(pattern, args, ctx).allMatchStrings(in: value, limit: limit)
        return .array(matches.map { .array($0.map(Value.string)) })
    }

    static let regexReplace = Builtin("regex.replace", arity: 3) { args, ctx in
        let base = try args.string(0)
        let pattern = try args.string(1)
        let replacement = try args.string(2)
        let regex = try compiledRegex(pattern, args, ctx)
        guard let result = regex.replaceAll(in: base, with: replacement, maxBytes: maxReplaceBytes) else {
            throw args.failure("result too large (limit \(maxReplaceBytes) bytes)")
        }
        return result == base ? args[0] : .string(result)
    }
}
