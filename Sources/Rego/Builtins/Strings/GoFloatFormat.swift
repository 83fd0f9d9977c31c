import Foundation

/// Go's `strconv.FormatFloat(v, fmt, prec, 64)` for the formats
/// `e E f g G b x X`. Decimal digits come from Swift's shortest round-trip
/// printing (prec < 0) or from C's correctly rounded `%.*e`/`%.*f`, which
/// round exactly as Go does.
enum GoFloatFormat {
    static func format(_ v: Double, _ fmt: UInt8, precision: Int) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Inf" : "+Inf" }
        let neg = v.sign == .minus
        switch fmt {
        case UInt8(ascii: "b"): return binaryExponent(v)
        case UInt8(ascii: "x"), UInt8(ascii: "X"): return hexFloat(v, fmt, precision: precision)
        default: break
        }
        let shortest = precision < 0
        let digits = decimalDigits(v.magnitude, fmt, precision: precision)
        var prec = precision
        if !shortest && prec == 0 && (fmt == UInt8(ascii: "g") || fmt == UInt8(ascii: "G")) { prec = 1 }
        if shortest {
            switch fmt {
            case UInt8(ascii: "e"), UInt8(ascii: "E"): prec = max(digits.count - 1, 0)
            case UInt8(ascii: "f"): prec = max(digits.count - digits.point, 0)
            default: prec = digits.count
            }
        }
        switch fmt {
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            return formatE(neg, digits, prec, fmt)
        case UInt8(ascii: "f"):
            return formatF(neg, digits, prec)
        case UInt8(ascii: "g"), UInt8(ascii: "G"):
            return formatG(neg, digits, prec, fmt, shortest: shortest)
        default:
            return "%" + String(UnicodeScalar(fmt))
        }
    }

    /// Significant decimal digits (ASCII) and the position of the decimal
    /// point: the value is 0.d1d2d3... × 10^point. Trailing zeros removed.
    struct Digits {
        var bytes: [UInt8]
        var point: Int
        var count: Int { bytes.count }
    }

    private static func decimalDigits(_ v: Double, _ fmt: UInt8, precision: Int) -> Digits {
        if v == 0 { return Digits(bytes: [], point: 0) }
        if precision < 0 { return parse("\(v)") }
        switch fmt {
        case UInt8(ascii: "f"): return parse(cFormat(v, "%.\(precision)f"))
        case UInt8(ascii: "e"), UInt8(ascii: "E"): return parse(cFormat(v, "%.\(precision)e"))
        default: return parse(cFormat(v, "%.\(max(precision, 1) - 1)e"))
        }
    }

    /// Parses "123.45", "1.2345e+02" or "1e-07" into digits and point.
    static func parse(_ text: String) -> Digits {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
        }
        var bytes: [UInt8] = []
        var point = 0
        var seenDot = false
        for c in mantissa.utf8 {
            if c == UInt8(ascii: ".") { seenDot = true; continue }
            guard c >= 48 && c <= 57 else { continue }
            if bytes.isEmpty && c == 48 {
                if seenDot { point -= 1 }
                continue
            }
            bytes.append(c)
            if !seenDot { point += 1 }
        }
        while bytes.last == 48 { bytes.removeLast() }
        if bytes.isEmpty { return Digits(bytes: [], point: 0) }
        return Digits(bytes: bytes, point: point + exponent)
    }

    static func formatE(_ neg: Bool, _ d: Digits, _ prec: Int, _ fmt: UInt8) -> String {
        var out: [UInt8] = neg ? [UInt8(ascii: "-")] : []
        out.append(d.count != 0 ? d.bytes[0] : 48)
        if prec > 0 {
            out.append(UInt8(ascii: "."))
            let m = min(d.count, prec + 1)
            if m > 1 { out.append(contentsOf: d.bytes[1..<m]) }
            out.append(contentsOf: [UInt8](repeating: 48, count: prec + 1 - max(m, 1)))
        }
        out.append(fmt)
        var exp = d.count == 0 ? 0 : d.point - 1
        out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        exp = abs(exp)
        if exp < 10 { out.append(48) }
        out.append(contentsOf: String(exp).utf8)
        return String(decoding: out, as: UTF8.self)
    }

    static func formatF(_ neg: Bool, _ d: Digits, _ prec: Int) -> String {
        var out: [UInt8] = neg ? [UInt8(ascii: "-")] : []
        if d.point > 0 {
            let m = min(d.count, d.point)
            out.append(contentsOf: d.bytes[0..<m])
            out.append(contentsOf: [UInt8](repeating: 48, count: d.point - m))
        } else {
            out.append(48)
        }
        if prec > 0 {
            out.append(UInt8(ascii: "."))
            for i in 1...prec {
                let j = d.point + i - 1
                out.append(j >= 0 && j < d.count ? d.bytes[j] : 48)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func formatG(_ neg: Bool, _ d: Digits, _ precision: Int, _ fmt: UInt8, shortest: Bool) -> String {
        var prec = precision
        var eprec = prec
        if eprec > d.count && d.count >= d.point { eprec = d.count }
        if shortest { eprec = 6 }
        let exp = d.point - 1
        if exp < -4 || exp >= eprec {
            if prec > d.count { prec = d.count }
            return formatE(neg, d, prec - 1, fmt == UInt8(ascii: "G") ? UInt8(ascii: "E") : UInt8(ascii: "e"))
        }
        if prec > d.point { prec = d.count }
        return formatF(neg, d, max(prec - d.point, 0))
    }

    /// `%b`: decimal mantissa and binary exponent, e.g. 4503599627370496p-52.
    private static func binaryExponent(_ v: Double) -> String {
        let (mantissa, exponent) = mantissaAndExponent(v)
        let sign = v.sign == .minus ? "-" : ""
        let e = exponent - 52
        return sign + String(mantissa) + "p" + (e >= 0 ? "+" : "") + String(e)
    }

    /// Integer mantissa (with the implicit bit) and unbiased exponent.
    private static func mantissaAndExponent(_ v: Double) -> (UInt64, Int) {
        let bits = v.bitPattern
        var exponent = Int((bits >> 52) & 0x7FF)
        var mantissa = bits & ((1 << 52) - 1)
        if exponent == 0 { exponent += 1 } else { mantissa |= 1 << 52 }
        return (mantissa, exponent - 1023)
    }

    /// `%x`: -0x1.yyyyp±dd, rounded to `precision` hex digits when given.
    private static func hexFloat(_ v: Double, _ fmt: UInt8, precision prec: Int) -> String {
        var (mant, exp) = mantissaAndExponent(v)
        if mant == 0 { exp = 0 }
        mant <<= 8
        while mant != 0 && mant & (1 << 60) == 0 {
            mant <<= 1
            exp -= 1
        }
        if prec >= 0 && prec < 15 {
            let shift = UInt64(prec * 4)
            let extra = (mant &<< shift) & ((1 << 60) - 1)
            mant >>= 60 - shift
            if extra | (mant & 1) > 1 << 59 { mant += 1 }
            mant <<= 60 - shift
            if mant & (1 << 61) != 0 {
                mant >>= 1
                exp += 1
            }
        }
        let digits = Array((fmt == UInt8(ascii: "X") ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var out: [UInt8] = v.sign == .minus ? [UInt8(ascii: "-")] : []
        out += [48, fmt, 48 + UInt8((mant >> 60) & 1)]
        mant = mant &<< 4
        if prec < 0 && mant != 0 {
            out.append(UInt8(ascii: "."))
            while mant != 0 {
                out.append(digits[Int((mant >> 60) & 15)])
                mant = mant &<< 4
            }
        } else if prec > 0 {
            out.append(UInt8(ascii: "."))
            for _ in 0..<prec {
                out.append(digits[Int((mant >> 60) & 15)])
                mant = mant &<< 4
            }
        }
        out.append(fmt == UInt8(ascii: "X") ? UInt8(ascii: "P") : UInt8(ascii: "p"))
        out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        let magnitude = abs(exp)
        if magnitude < 10 { out.append(48) }
        out.append(contentsOf: String(magnitude).utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// C's printf for one double (glibc prints exact, correctly rounded digits).
    static func cFormat(_ v: Double, _ spec: String) -> String {
        var size = 128
        while size < 1 << 24 {
            var buffer = [CChar](repeating: 0, count: size)
            let n = withVaList([v]) { vsnprintf(&buffer, size, spec, $0) }
            if n < 0 { return "" }
            if Int(n) < size {
                return String(decoding: buffer[0..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            size = Int(n) + 1
        }
        return ""
    }
}
