import PalisadeCore

/// regex.template_match: literal text with embedded `{regex}` parts, as
/// OPA's fork of gorilla/mux's template compiler.
extension PatternBuiltins {
    static let templateMatch = Builtin("regex.template_match", arity: 4) { args, ctx in
        let template = try args.string(0)
        let value = try args.string(1)
        let start = try args.string(2)
        let end = try args.string(3)
        guard start.utf8.count == 1 else {
            throw args.failure("start delimiter has to be exactly one character long but is \(start.utf8.count) long")
        }
        guard end.utf8.count == 1, let open = start.utf8.first, let close = end.utf8.first else {
            // OPA reports the start delimiter's length here too.
            throw args.failure("end delimiter has to be exactly one character long but is \(start.utf8.count) long")
        }
        guard template.utf8.count <= maxPatternBytes else {
            throw args.failure("template too large (limit \(maxPatternBytes) bytes)")
        }
        let key = "patterns.template:\(open):\(close):" + template
        let regex = try ctx.memoized(key) { try compileTemplate(template, open: open, close: close, args) }
        return .bool(regex.matches(value))
    }

    static func compileTemplate(_ template: String, open: UInt8, close: UInt8, _ args: BuiltinArgs) throws -> RE2Regex {
        let bytes = Array(template.utf8)
        let bounds = try delimiterIndices(bytes, open: open, close: close, args)
        var pattern = "^"
        var end = 0
        for k in stride(from: 0, to: bounds.count, by: 2) {
            let raw = String(decoding: bytes[end..<bounds[k]], as: UTF8.self)
            end = bounds[k + 1]
            let part = String(decoding: bytes[(bounds[k] + 1)..<(end - 1)], as: UTF8.self)
            pattern += RE2Regex.quoteMeta(raw) + "(" + part + ")"
            do {
                _ = try RE2Regex("^" + part + "$")
            } catch {
                throw args.failure(error.description)
            }
        }
        pattern += RE2Regex.quoteMeta(String(decoding: bytes[end...], as: UTF8.self)) + "$"
        do {
            return try RE2Regex(pattern)
        } catch {
            throw args.failure(error.description)
        }
    }

    /// Start and end (exclusive) offsets of each top-level delimited part.
    static func delimiterIndices(_ bytes: [UInt8], open: UInt8, close: UInt8, _ args: BuiltinArgs) throws -> [Int] {
        var level = 0
        var start = 0
        var bounds: [Int] = []
        for (i, b) in bytes.enumerated() {
            if b == open {
                level += 1
                if level == 1 { start = i }
            } else if b == close {
                level -= 1
                if level == 0 {
                    bounds.append(contentsOf: [start, i + 1])
                } else if level < 0 {
                    throw args.failure("unbalanced braces in \(patternsGoQuote(bytes))")
                }
            }
        }
        if level != 0 { throw args.failure("unbalanced braces in \(patternsGoQuote(bytes))") }
        return bounds
    }

    /// Go's `%q` for a string: double-quoted with Go escapes.
    static func patternsGoQuote(_ bytes: [UInt8]) -> String {
        var out = "\""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
