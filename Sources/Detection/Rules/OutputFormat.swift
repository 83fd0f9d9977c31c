/// Checks the `%field` tokens of a rule's output, as Falco's formatter does
/// when a rule is loaded (`%proc.name`, `%proc.aname[2]`, `%tolower(fd.name)`).
enum OutputFormat {
    static func validate(_ output: String, registry: FieldRegistry, source: String) throws(FilterCompileError) {
        for token in tokens(output) {
            guard let expr = try? FilterParser.parse(token + " exists") else {
                throw FilterCompileError("invalid formatting token \(token)")
            }
            var compiler = FilterCompiler(registry: registry, source: source)
            if (try? compiler.compile(expr)) == nil {
                throw FilterCompileError("invalid formatting token \(token)")
            }
        }
    }

    /// The field expressions after each `%` (a `%` not followed by a letter is literal).
    static func tokens(_ output: String) -> [String] {
        let chars = Array(output)
        var result: [String] = []
        var index = 0
        while index < chars.count {
            guard chars[index] == "%", index + 1 < chars.count, chars[index + 1].isLetter else {
                index += 1
                continue
            }
            var end = index + 1
            while end < chars.count, chars[end].isLetter || chars[end].isNumber || chars[end] == "_" || chars[end] == "." { end += 1 }
            end = closing(chars, from: end)
            result.append(String(chars[(index + 1)..<end]))
            index = end
        }
        return result
    }

    /// Extends a token over a transformer's parentheses and a `[arg]`.
    static func closing(_ chars: [Character], from start: Int) -> Int {
        var end = start
        if end < chars.count, chars[end] == "(" {
            var depth = 0
            while end < chars.count {
                if chars[end] == "(" { depth += 1 }
                if chars[end] == ")" { depth -= 1; if depth == 0 { end += 1; break } }
                end += 1
            }
        }
        if end < chars.count, chars[end] == "[", let close = chars[end...].firstIndex(of: "]") {
            end = close + 1
        }
        return end
    }
}
