import PalisadeCore
/// The verbs for each argument kind, following Go's fmt/print.go and
/// fmt/format.go.
extension GoPrinter {
    // MARK: int

    mutating func formatInteger(_ value: Int, verb: Unicode.Scalar, arg: GoFormatArgument) {
        let bits = UInt64(bitPattern: Int64(value))
        switch verb {
        case "v", "d": integer(value.magnitude, negative: value < 0, base: 10, verb: verb)
        case "b": integer(value.magnitude, negative: value < 0, base: 2, verb: verb)
        case "o", "O": integer(value.magnitude, negative: value < 0, base: 8, verb: verb)
        case "x", "X": integer(value.magnitude, negative: value < 0, base: 16, verb: verb)
        case "c": pad(String(GoQuote.scalar(bits)))
        case "q": pad(GoQuote.quoteRune(bits, asciiOnly: flags.plus))
        case "U": unicodeNotation(bits)
        default: badVerb(arg, verb)
        }
    }

    /// Go's `fmt.fmtInteger`.
    private mutating func integer(_ magnitude: UInt, negative: Bool, base: UInt, verb: Unicode.Scalar) {
        var digits = String(magnitude, radix: Int(base), uppercase: verb == "X")
        var minDigits = 0
        if let precision = flags.precision {
            if precision == 0 && magnitude == 0 {
                let zero = flags.zero
                flags.zero = false
                writePaddingOnly(flags.width ?? 0)
                flags.zero = zero
                return
            }
            minDigits = precision
        } else if flags.zero, !flags.minus, let width = flags.width {
            minDigits = width - ((negative || flags.plus || flags.space) ? 1 : 0)
        }
        if digits.count < minDigits { digits = String(repeating: "0", count: minDigits - digits.count) + digits }
        if flags.sharp {
            switch base {
            case 2: digits = "0b" + digits
            case 8: if !digits.hasPrefix("0") { digits = "0" + digits }
            case 16: digits = (verb == "X" ? "0X" : "0x") + digits
            default: break
            }
        }
        if verb == "O" { digits = "0o" + digits }
        digits = sign(negative) + digits
        padWithSpaces(digits)
    }

    private func sign(_ negative: Bool) -> String {
        if negative { return "-" }
        if flags.plus { return "+" }
        return flags.space ? " " : ""
    }

    private mutating func writePaddingOnly(_ n: Int) {
        if n > 0 { buf.append(contentsOf: [UInt8](repeating: UInt8(ascii: " "), count: n)) }
    }

    /// `%U`: U+0041, and with `#` also the quoted character.
    private mutating func unicodeNotation(_ value: UInt64) {
        var hex = String(value, radix: 16, uppercase: true)
        let minDigits = max(4, flags.precision ?? 4)
        if hex.count < minDigits { hex = String(repeating: "0", count: minDigits - hex.count) + hex }
        var text = "U+" + hex
        if flags.sharp, value <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(value)), GoQuote.isPrint(scalar) {
            text += " '" + String(scalar) + "'"
        }
        padWithSpaces(text)
    }

    // MARK: *big.Int

    /// `(*big.Int).Format`.
    mutating func formatBigInt(_ decimal: String, verb: Unicode.Scalar) {
        let base: Int
        switch verb {
        case "b": base = 2
        case "o", "O": base = 8
        case "d", "s", "v": base = 10
        case "x", "X": base = 16
        default:
            buf.append(contentsOf: "%!".utf8)
            append(verb)
            buf.append(contentsOf: "(big.Int=\(decimal))".utf8)
            return
        }
        let negative = decimal.hasPrefix("-")
        var digits = GoIntegerText.digits(ofDecimal: decimal, base: base)
        if verb == "X" { digits = digits.uppercased() }
        let signText = negative ? "-" : (flags.plus || flags.plusV) ? "+" : flags.space ? " " : ""
        var prefix = ""
        if flags.sharp || flags.sharpV {
            switch verb {
            case "b": prefix = "0b"
            case "o": prefix = "0"
            case "x": prefix = "0x"
            case "X": prefix = "0X"
            default: break
            }
        }
        if verb == "O" { prefix = "0o" }
        var zeros = 0, left = 0, right = 0
        if let precision = flags.precision {
            if digits.count < precision {
                zeros = precision - digits.count
            } else if digits == "0" && precision == 0 {
                return
            }
        }
        let length = signText.count + prefix.count + zeros + digits.count
        if let width = flags.width, length < width {
            let d = width - length
            if flags.minus {
                right = d
            } else if flags.zero && flags.precision == nil {
                zeros = d
            } else {
                left = d
            }
        }
        let text = String(repeating: " ", count: left) + signText + prefix
            + String(repeating: "0", count: zeros) + digits + String(repeating: " ", count: right)
        buf.append(contentsOf: text.utf8)
    }

    // MARK: float64

    mutating func formatFloat(_ value: Double, verb: Unicode.Scalar, arg: GoFormatArgument) {
        switch verb {
        case "v": float(value, UInt8(ascii: "g"), defaultPrecision: -1)
        case "b", "g", "G", "x", "X": float(value, UInt8(verb.value), defaultPrecision: -1)
        case "f", "F": float(value, UInt8(ascii: "f"), defaultPrecision: 6)
        case "e", "E": float(value, UInt8(verb.value), defaultPrecision: 6)
        default: badVerb(arg, verb)
        }
    }

    /// Go's `fmt.fmtFloat`.
    private mutating func float(_ value: Double, _ verb: UInt8, defaultPrecision: Int) {
        let precision = flags.precision ?? defaultPrecision
        var num = Array(GoFloatFormat.format(value, verb, precision: precision).utf8)
        if num.first == UInt8(ascii: "-") || num.first == UInt8(ascii: "+") {
            // keep the sign
        } else {
            num.insert(UInt8(ascii: "+"), at: 0)
        }
        if flags.space && num[0] == UInt8(ascii: "+") && !flags.plus { num[0] = UInt8(ascii: " ") }
        if num.count > 1 && (num[1] == UInt8(ascii: "I") || num[1] == UInt8(ascii: "N")) {
            if num[1] == UInt8(ascii: "N") && !flags.space && !flags.plus { num.removeFirst() }
            padWithSpaces(String(decoding: num, as: UTF8.self))
            return
        }
        if flags.sharp && verb != UInt8(ascii: "b") {
            num = sharpFloat(num, verb: verb, precision: precision)
        }
        if flags.plus || num[0] != UInt8(ascii: "+") {
            if flags.zero && !flags.minus, let width = flags.width, width > num.count {
                buf.append(num[0])
                writePaddingZeros(width - num.count)
                buf.append(contentsOf: num[1...])
                return
            }
            pad(num)
            return
        }
        pad(Array(num[1...]))
    }

    private mutating func writePaddingZeros(_ n: Int) {
        buf.append(contentsOf: [UInt8](repeating: UInt8(ascii: "0"), count: n))
    }

    /// `#` forces a decimal point and keeps trailing zeros for %g.
    private func sharpFloat(_ input: [UInt8], verb: UInt8, precision: Int) -> [UInt8] {
        var num = input
        var digits = 0
        switch verb {
        case UInt8(ascii: "v"), UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "x"):
            digits = precision == -1 ? 6 : precision
        default: break
        }
        let isHex = verb == UInt8(ascii: "x") || verb == UInt8(ascii: "X")
        var tail: [UInt8] = []
        var hasDecimalPoint = false
        var sawNonzeroDigit = false
        var i = 1
        scan: while i < num.count {
            switch num[i] {
            case UInt8(ascii: "."):
                hasDecimalPoint = true
            case UInt8(ascii: "p"), UInt8(ascii: "P"):
                tail = Array(num[i...])
                num = Array(num[..<i])
                break scan
            case UInt8(ascii: "e") where !isHex, UInt8(ascii: "E") where !isHex:
                tail = Array(num[i...])
                num = Array(num[..<i])
                break scan
            default:
                if num[i] != UInt8(ascii: "0") { sawNonzeroDigit = true }
                if sawNonzeroDigit { digits -= 1 }
            }
            i += 1
        }
        if !hasDecimalPoint {
            if num.count == 2 && num[1] == UInt8(ascii: "0") { digits -= 1 }
            num.append(UInt8(ascii: "."))
        }
        while digits > 0 {
            num.append(UInt8(ascii: "0"))
            digits -= 1
        }
        return num + tail
    }

    // MARK: string

    mutating func formatString(_ s: String, verb: Unicode.Scalar, arg: GoFormatArgument) {
        switch verb {
        case "v": flags.sharpV ? quoted(s) : formatString(s)
        case "s": formatString(s)
        case "x": hexBytes(s, uppercase: false)
        case "X": hexBytes(s, uppercase: true)
        case "q": quoted(s)
        default: badVerb(arg, verb)
        }
    }

    /// `fmtS`: truncated to the precision (in code points), then padded.
    mutating func formatString(_ s: String) {
        pad(truncated(s))
    }

    private func truncated(_ s: String) -> String {
        guard let precision = flags.precision, s.unicodeScalars.count > precision else { return s }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: s.unicodeScalars.prefix(precision))
        return String(view)
    }

    private mutating func quoted(_ s: String) {
        let text = truncated(s)
        if flags.sharp && GoQuote.canBackquote(text) {
            pad("`" + text + "`")
            return
        }
        pad(GoQuote.quote(text, asciiOnly: flags.plus))
    }

    /// `fmtSbx`: hex of the UTF-8 bytes, with `#` and space variants.
    private mutating func hexBytes(_ s: String, uppercase: Bool) {
        var bytes = Array(s.utf8)
        if let precision = flags.precision, precision < bytes.count { bytes = Array(bytes.prefix(precision)) }
        guard !bytes.isEmpty else {
            if let width = flags.width { writePaddingOnlyRespectingZero(width) }
            return
        }
        let prefix = uppercase ? "0X" : "0x"
        var text = flags.sharp ? prefix : ""
        for (i, byte) in bytes.enumerated() {
            if flags.space && i > 0 {
                text += " "
                if flags.sharp { text += prefix }
            }
            let hex = String(byte, radix: 16, uppercase: uppercase)
            text += hex.count == 1 ? "0" + hex : hex
        }
        let width = flags.width ?? 0
        if width > text.count && !flags.minus { writePaddingOnlyRespectingZero(width - text.count) }
        buf.append(contentsOf: text.utf8)
        if width > text.count && flags.minus { writePaddingOnlyRespectingZero(width - text.count) }
    }

    private mutating func writePaddingOnlyRespectingZero(_ n: Int) {
        guard n > 0 else { return }
        buf.append(contentsOf: [UInt8](repeating: flags.zero ? UInt8(ascii: "0") : UInt8(ascii: " "), count: n))
    }
}
