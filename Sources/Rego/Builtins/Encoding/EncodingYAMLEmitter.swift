import PalisadeCore

/// Emits YAML the way OPA's yaml.marshal does (JSON re-read by go-yaml v2 and
/// re-emitted): block style, 2-space indent, sequences not indented under
/// keys, keys in go-yaml's natural order, long lines folded at 80 columns.
struct EncodingYAMLEmitter {
    static let bestWidth = 80
    private var out = ""
    private var column = 0

    static func document(_ value: Value) -> String {
        var emitter = EncodingYAMLEmitter()
        emitter.emitTopLevel(value)
        return emitter.out
    }

    private mutating func write(_ s: String) {
        out += s
        if let newline = s.lastIndex(of: "\n") {
            column = s[s.index(after: newline)...].count
        } else {
            column += s.count
        }
    }

    private mutating func newline(indent: Int) {
        write("\n" + String(repeating: " ", count: max(0, indent)))
    }

    private mutating func emitTopLevel(_ value: Value) {
        switch value {
        case .object(let o) where !o.isEmpty: emitMapping(o, indent: 0)
        case .array(let a) where !a.isEmpty: emitSequence(a, indent: 0)
        case .set(let s) where !s.isEmpty: emitSequence(s.sorted(), indent: 0)
        default: emitScalar(value, indent: 2, isKey: false)
        }
        write("\n")
    }

    /// Writes the entries of a non-empty mapping; the cursor is already at `indent`.
    private mutating func emitMapping(_ fields: [Value: Value], indent: Int) {
        let entries = fields.map { (key: keyText($0.key), value: $0.value) }
            .sorted { Self.keyLess($0.key, $1.key) }
        for (i, entry) in entries.enumerated() {
            if i > 0 { newline(indent: indent) }
            emitScalar(.string(entry.key), indent: indent + 2, isKey: true)
            write(":")
            emitValue(entry.value, indent: indent, inSequence: false)
        }
    }

    private mutating func emitSequence(_ items: [Value], indent: Int) {
        for (i, item) in items.enumerated() {
            if i > 0 { newline(indent: indent) }
            write("-")
            emitValue(item, indent: indent, inSequence: true)
        }
    }

    /// Emits a mapping value or sequence item after its `:` or `-`.
    private mutating func emitValue(_ value: Value, indent: Int, inSequence: Bool) {
        switch value {
        case .object(let o) where !o.isEmpty:
            if inSequence { write(" ") } else { newline(indent: indent + 2) }
            emitMapping(o, indent: indent + 2)
        case .array, .set:
            let items = value.elements ?? []
            if items.isEmpty { write(" []"); return }
            if inSequence {
                write(" ")
                emitSequence(items, indent: indent + 2)
            } else {
                newline(indent: indent)
                emitSequence(items, indent: indent)
            }
        default:
            write(" ")
            emitScalar(value, indent: indent + 2, isKey: false)
        }
    }

    private func keyText(_ key: Value) -> String {
        if case .string(let s) = key { return s }
        return EncodingGoJSON().string(key)
    }

    private mutating func emitScalar(_ value: Value, indent: Int, isKey: Bool) {
        switch value {
        case .null: write("null")
        case .bool(let b): write(b ? "true" : "false")
        case .number(let n): write(Self.numberText(n))
        case .string(let s): emitString(s, indent: indent, isKey: isKey)
        case .object: write("{}")
        case .array, .set: write("[]")
        }
    }

    /// go-yaml reads JSON integers as int64/uint64 and anything else as float64.
    static func numberText(_ n: Number) -> String {
        switch n.storage {
        case .int(let i): return String(i)
        case .big(let b) where b >= 0 && b.bitWidth <= 65: return String(b)
        default: return EncodingGoFloat.formatG(n.doubleValue)
        }
    }

    // MARK: Strings

    private enum Style { case plain, single, double, literal }

    private mutating func emitString(_ s: String, indent: Int, isKey: Bool) {
        let analysis = EncodingYAMLScalarAnalysis(s)
        var style: Style
        if s.contains("\n") {
            style = .literal
        } else if EncodingYAMLResolver.isPlainString(s) {
            style = .plain
        } else {
            style = .double
        }
        if style == .plain, !analysis.blockPlainAllowed || s.isEmpty { style = .single }
        if style == .single, !analysis.singleQuotedAllowed { style = .double }
        if style == .literal, !analysis.blockAllowed || isKey { style = .double }
        let breaks = !isKey
        switch style {
        case .plain: writePlain(s, indent: indent, allowBreaks: breaks)
        case .single: writeSingleQuoted(s, indent: indent, allowBreaks: breaks)
        case .double: writeDoubleQuoted(s, indent: indent, allowBreaks: breaks)
        case .literal: writeLiteral(s, indent: indent)
        }
    }

    private mutating func writePlain(_ s: String, indent: Int, allowBreaks: Bool) {
        let chars = Array(s.unicodeScalars)
        var spaces = false
        for (i, c) in chars.enumerated() {
            if c == " " {
                let nextIsSpace = i + 1 < chars.count && chars[i + 1] == " "
                if allowBreaks, !spaces, column > Self.bestWidth, !nextIsSpace {
                    newline(indent: indent)
                } else {
                    write(" ")
                }
                spaces = true
            } else {
                write(String(c))
                spaces = false
            }
        }
    }

    private mutating func writeSingleQuoted(_ s: String, indent: Int, allowBreaks: Bool) {
        let chars = Array(s.unicodeScalars)
        write("'")
        var spaces = false
        for (i, c) in chars.enumerated() {
            if c == " " {
                let nextIsSpace = i + 1 < chars.count && chars[i + 1] == " "
                if allowBreaks, !spaces, column > Self.bestWidth, i != 0, i != chars.count - 1, !nextIsSpace {
                    newline(indent: indent)
                } else {
                    write(" ")
                }
                spaces = true
            } else {
                write(c == "'" ? "''" : String(c))
                spaces = false
            }
        }
        write("'")
    }

    private mutating func writeDoubleQuoted(_ s: String, indent: Int, allowBreaks: Bool) {
        let chars = Array(s.unicodeScalars)
        write("\"")
        var spaces = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if let escaped = Self.doubleQuotedEscape(c) {
                write(escaped)
                spaces = false
            } else if c == " " {
                if allowBreaks, !spaces, column > Self.bestWidth, i != 0, i != chars.count - 1 {
                    newline(indent: indent)
                    if i + 1 < chars.count, chars[i + 1] == " " { write("\\") }
                } else {
                    write(" ")
                }
                spaces = true
            } else {
                write(String(c))
                spaces = false
            }
            i += 1
        }
        write("\"")
    }

    private static func doubleQuotedEscape(_ c: Unicode.Scalar) -> String? {
        switch c.value {
        case 0x00: return "\\0"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x85: return "\\N"
        case 0xA0: return "\\_"
        case 0x2028: return "\\L"
        case 0x2029: return "\\P"
        default:
            if EncodingYAMLScalarAnalysis.isPrintable(c), c.value != 0xFEFF { return nil }
            if c.value <= 0xFF { return "\\x" + EncodingGoStrings.hex(c.value, width: 2).uppercased() }
            if c.value <= 0xFFFF { return "\\u" + EncodingGoStrings.hex(c.value, width: 4).uppercased() }
            return "\\U" + EncodingGoStrings.hex(c.value, width: 8).uppercased()
        }
    }

    private mutating func writeLiteral(_ s: String, indent: Int) {
        var header = "|"
        if s.first == " " || s.first == "\n" { header += "2" }
        if !s.hasSuffix("\n") {
            header += "-"
        } else if s.count == 1 || s.hasSuffix("\n\n") {
            header += "+"
        }
        write(header)
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if s.hasSuffix("\n") { lines.removeLast() }
        for line in lines {
            if line.isEmpty { write("\n") } else { newline(indent: indent); write(line) }
        }
    }

    // MARK: Key order

    /// go-yaml v2's key order: letters after other characters, digit runs numerically.
    static func keyLess(_ a: String, _ b: String) -> Bool {
        let ar = Array(a.unicodeScalars), br = Array(b.unicodeScalars)
        var i = 0
        while i < ar.count, i < br.count {
            if ar[i] == br[i] { i += 1; continue }
            let al = ar[i].properties.isAlphabetic, bl = br[i].properties.isAlphabetic
            if al && bl { return ar[i].value < br[i].value }
            if al || bl { return bl }
            var an: Int64 = 0, bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                var j = i - 1
                while j >= 0, isDigit(ar[j]) {
                    if ar[j] != "0" { an = 1; bn = 1; break }
                    j -= 1
                }
            }
            var ai = i, bi = i
            while ai < ar.count, isDigit(ar[ai]) { an = an &* 10 &+ Int64(ar[ai].value - 48); ai += 1 }
            while bi < br.count, isDigit(br[bi]) { bn = bn &* 10 &+ Int64(br[bi].value - 48); bi += 1 }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
}

/// libyaml's scalar analysis: which quoting styles can represent a string.
struct EncodingYAMLScalarAnalysis {
    var blockPlainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = true

    init(_ s: String) {
        let chars = Array(s.unicodeScalars)
        if chars.isEmpty { blockPlainAllowed = false; return }
        var blockIndicators = false, lineBreaks = false, special = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false
        if s.hasPrefix("---") || s.hasPrefix("...") { blockIndicators = true }
        var precededByWhitespace = true
        for (i, c) in chars.enumerated() {
            let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
            let followedByWhitespace = next.map { Self.isBlank($0) } ?? true
            if i == 0 {
                if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(c) { blockIndicators = true }
                if (c == "?" || c == ":") && followedByWhitespace { blockIndicators = true }
                if c == "-" && followedByWhitespace { blockIndicators = true }
            } else {
                if c == ":" && followedByWhitespace { blockIndicators = true }
                if c == "#" && precededByWhitespace { blockIndicators = true }
            }
            if !Self.isPrintable(c) || c.value == 0xFEFF { special = true }
            if Self.isBreak(c) { lineBreaks = true }
            if c == " " {
                if i == 0 { leadingSpace = true }
                if i == chars.count - 1 { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if Self.isBreak(c) {
                if i == 0 { leadingBreak = true }
                if i == chars.count - 1 { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousBreak = true
                previousSpace = false
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = Self.isBlank(c)
        }
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak { blockPlainAllowed = false }
        if trailingSpace { blockAllowed = false }
        if breakSpace { blockPlainAllowed = false; singleQuotedAllowed = false }
        if spaceBreak || special { blockPlainAllowed = false; singleQuotedAllowed = false; blockAllowed = false }
        if lineBreaks || blockIndicators { blockPlainAllowed = false }
    }

    static func isBreak(_ c: Unicode.Scalar) -> Bool {
        c == "\n" || c == "\r" || c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029
    }

    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || isBreak(c) || c.value == 0 }

    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v == 0x0A || (0x20...0x7E).contains(v) || v == 0x85 || (0xA0...0xD7FF).contains(v)
            || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
    }
}

/// go-yaml v2's implicit typing of plain scalars: strings that would read back
/// as another type must be quoted.
enum EncodingYAMLResolver {
    static let reserved: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
        "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
        "", "~", "null", "Null", "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
        "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<",
    ]

    static func isPlainString(_ s: String) -> Bool {
        if reserved.contains(s) { return false }
        guard let first = s.unicodeScalars.first else { return false }
        switch first {
        case ".":
            if isGoFloat(s) { return false }
        case "0"..."9", "+", "-":
            if isTimestamp(s) { return false }
            let plain = s.replacingOccurrences(of: "_", with: "")
            if isGoInteger(plain) || isYAMLFloat(plain) { return false }
        default:
            break
        }
        return !isBase60Float(s)
    }

    /// Syntax of strconv.ParseInt(s, 0, 64) (overflow aside).
    static func isGoInteger(_ s: String) -> Bool {
        var t = Substring(s)
        if t.hasPrefix("+") || t.hasPrefix("-") { t = t.dropFirst() }
        let lower = t.lowercased()
        func all(_ body: Substring, _ valid: (Character) -> Bool) -> Bool { !body.isEmpty && body.allSatisfy(valid) }
        if lower.hasPrefix("0x") { return all(t.dropFirst(2)) { $0.isHexDigit } }
        if lower.hasPrefix("0o") { return all(t.dropFirst(2)) { ("0"..."7").contains($0) } }
        if lower.hasPrefix("0b") { return all(t.dropFirst(2)) { $0 == "0" || $0 == "1" } }
        if t.hasPrefix("0") && t.count > 1 { return all(t.dropFirst()) { ("0"..."7").contains($0) } }
        return all(t) { ("0"..."9").contains($0) }
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLFloat(_ s: String) -> Bool {
        var c = Array(s.utf8)[...]
        if let f = c.first, f == UInt8(ascii: "+") || f == UInt8(ascii: "-") { c = c.dropFirst() }
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        if c.first == UInt8(ascii: ".") {
            c = c.dropFirst()
            guard let d = c.first, isDigit(d) else { return false }
            c = c.drop(while: isDigit)
        } else {
            guard let d = c.first, isDigit(d) else { return false }
            c = c.drop(while: isDigit)
            if c.first == UInt8(ascii: ".") { c = c.dropFirst().drop(while: isDigit) }
        }
        if let e = c.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            c = c.dropFirst()
            if let sgn = c.first, sgn == UInt8(ascii: "+") || sgn == UInt8(ascii: "-") { c = c.dropFirst() }
            guard let d = c.first, isDigit(d) else { return false }
            c = c.drop(while: isDigit)
        }
        return c.isEmpty
    }

    /// Roughly strconv.ParseFloat for text starting with '.'.
    static func isGoFloat(_ s: String) -> Bool {
        isYAMLFloat(s.replacingOccurrences(of: "_", with: ""))
    }

    static func isBase60Float(_ s: String) -> Bool {
        // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
        var t = Substring(s)
        if t.hasPrefix("+") || t.hasPrefix("-") { t = t.dropFirst() }
        guard let first = t.first, first.isASCII, first.isNumber else { return false }
        t = t.drop { ($0.isASCII && $0.isNumber) || $0 == "_" }
        var groups = 0
        while t.first == ":" {
            t = t.dropFirst()
            let digits = t.prefix { $0.isASCII && $0.isNumber }
            guard (1...2).contains(digits.count) else { return false }
            if digits.count == 2, let lead = digits.first, lead > "5" { return false }
            t = t.dropFirst(digits.count)
            groups += 1
        }
        guard groups > 0 else { return false }
        if t.first == "." { t = t.dropFirst().drop { ($0.isASCII && $0.isNumber) || $0 == "_" } }
        return t.isEmpty
    }

    static func isTimestamp(_ s: String) -> Bool {
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 4, s.dropFirst(4).first == "-" else { return false }
        let layouts = ["2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999", "2006-1-2"]
        return layouts.contains { (try? EncodingGoTimeParser.parse(layout: $0, value: s)) != nil }
    }
}
