import PalisadeCore

/// Go's `strconv.ParseFloat` syntax: optional sign, decimal digits with an
/// optional fraction and exponent, or a hexadecimal mantissa with a
/// mandatory `p` exponent; `_` may separate digits.
enum GoFloatSyntax {
    enum Result {
        case number(Number)
        case invalidSyntax
        case outOfRange
    }

    static func parse(_ text: String) -> Result {
        var bytes = Array(text.utf8)[...]
        var sign = ""
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            if first == UInt8(ascii: "-") { sign = "-" }
            bytes = bytes.dropFirst()
        }
        guard underscoresAllowed(bytes) else { return .invalidSyntax }
        let clean = bytes.filter { $0 != UInt8(ascii: "_") }
        if clean.count > 2, clean[0] == UInt8(ascii: "0"), clean[1] | 0x20 == UInt8(ascii: "x") {
            return hexadecimal(sign, Array(clean))
        }
        return decimal(sign, Array(clean))
    }

    private static func decimal(_ sign: String, _ s: [UInt8]) -> Result {
        var i = 0
        let integer = digits(s, &i)
        var fraction: [UInt8] = []
        if i < s.count && s[i] == UInt8(ascii: ".") {
            i += 1
            fraction = digits(s, &i)
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return .invalidSyntax }
        var exponent = ""
        if i < s.count && s[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < s.count && (s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-")) {
                if s[i] == UInt8(ascii: "-") { exponent = "-" }
                i += 1
            }
            let expDigits = digits(s, &i)
            guard !expDigits.isEmpty else { return .invalidSyntax }
            exponent += String(decoding: expDigits, as: UTF8.self)
        }
        guard i == s.count else { return .invalidSyntax }
        let whole = String(decoding: integer.drop { $0 == UInt8(ascii: "0") }, as: UTF8.self)
        var literal = sign + (whole.isEmpty ? "0" : whole)
        if !fraction.isEmpty { literal += "." + String(decoding: fraction, as: UTF8.self) }
        if !exponent.isEmpty { literal += "e" + exponent }
        guard let d = Double(literal), d.isFinite else { return .outOfRange }
        return .number(Number(literal: literal) ?? Number.fromDouble(d))
    }

    private static func hexadecimal(_ sign: String, _ s: [UInt8]) -> Result {
        var i = 2
        let integer = hexDigits(s, &i)
        var fraction: [UInt8] = []
        if i < s.count && s[i] == UInt8(ascii: ".") {
            i += 1
            fraction = hexDigits(s, &i)
        }
        guard !integer.isEmpty || !fraction.isEmpty, i < s.count, s[i] | 0x20 == UInt8(ascii: "p") else {
            return .invalidSyntax
        }
        i += 1
        if i < s.count && (s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-")) { i += 1 }
        guard !digits(s, &i).isEmpty, i == s.count else { return .invalidSyntax }
        guard let d = Double(sign + String(decoding: s, as: UTF8.self)), d.isFinite else { return .outOfRange }
        return .number(Number.fromDouble(d))
    }

    private static func digits(_ s: [UInt8], _ i: inout Int) -> [UInt8] {
        let start = i
        while i < s.count && s[i] >= 48 && s[i] <= 57 { i += 1 }
        return Array(s[start..<i])
    }

    private static func hexDigits(_ s: [UInt8], _ i: inout Int) -> [UInt8] {
        let start = i
        while i < s.count && s[i].isHexDigit { i += 1 }
        return Array(s[start..<i])
    }

    /// Go's `underscoreOK`: underscores only between digits (or after a base prefix).
    private static func underscoresAllowed(_ s: ArraySlice<UInt8>) -> Bool {
        guard s.contains(UInt8(ascii: "_")) else { return true }
        let bytes = Array(s)
        var saw: UInt8 = UInt8(ascii: "^")
        var i = 0
        var hex = false
        if bytes.count >= 2 && bytes[0] == UInt8(ascii: "0")
            && [UInt8(ascii: "b"), UInt8(ascii: "o"), UInt8(ascii: "x")].contains(bytes[1] | 0x20) {
            i = 2
            saw = UInt8(ascii: "0")
            hex = bytes[1] | 0x20 == UInt8(ascii: "x")
        }
        while i < bytes.count {
            let c = bytes[i]
            if (c >= 48 && c <= 57) || (hex && c.isHexDigit) {
                saw = UInt8(ascii: "0")
            } else if c == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = UInt8(ascii: "_")
            } else {
                if saw == UInt8(ascii: "_") { return false }
                saw = UInt8(ascii: "!")
            }
            i += 1
        }
        return saw != UInt8(ascii: "_")
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (self >= 48 && self <= 57) || (self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "f"))
    }
}
