/// Go's `strconv` quoting: `Quote`, `QuoteToASCII`, `QuoteRune`,
/// `CanBackquote` and `IsPrint`, used by `%q` and by Rego's value syntax.
public enum GoQuote {
    public static func quote(_ s: String, asciiOnly: Bool = false) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            appendEscaped(scalar, quote: "\"", asciiOnly: asciiOnly, into: &out)
        }
        return out + "\""
    }

    /// `strconv.QuoteRune`; invalid code points become U+FFFD.
    public static func quoteRune(_ value: UInt64, asciiOnly: Bool) -> String {
        var out = "'"
        appendEscaped(scalar(value), quote: "'", asciiOnly: asciiOnly, into: &out)
        return out + "'"
    }

    /// The code point for a Go rune value, or U+FFFD when it is not valid.
    public static func scalar(_ value: UInt64) -> Unicode.Scalar {
        guard value <= 0x10FFFF, let s = Unicode.Scalar(UInt32(value)) else { return "\u{FFFD}" }
        return s
    }

    public static func canBackquote(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { c in
            if c == "\t" { return true }
            return c.value >= 0x20 && c != "`" && c.value != 0x7F && c != "\u{FEFF}"
        }
    }

    /// Letters, marks, numbers, punctuation, symbols and the ASCII space.
    public static func isPrint(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x20 && c.value < 0x7F }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func appendEscaped(_ c: Unicode.Scalar, quote: Unicode.Scalar, asciiOnly: Bool, into out: inout String) {
        if c == quote || c == "\\" {
            out += "\\"
            out.unicodeScalars.append(c)
            return
        }
        if isPrint(c) && (!asciiOnly || c.isASCII) {
            out.unicodeScalars.append(c)
            return
        }
        switch c {
        case "\u{07}": out += "\\a"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{0B}": out += "\\v"
        default:
            if c.value < 0x20 || c.value == 0x7F {
                out += "\\x" + hex(c.value, digits: 2)
            } else if c.value < 0x10000 {
                out += "\\u" + hex(c.value, digits: 4)
            } else {
                out += "\\U" + hex(c.value, digits: 8)
            }
        }
    }

    private static func hex(_ v: UInt32, digits: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
