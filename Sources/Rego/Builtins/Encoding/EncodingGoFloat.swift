/// Go's strconv.FormatFloat(f, 'g', -1, 64): shortest digits, in exponent
/// form when the decimal exponent is below -4 or at least 6.
enum EncodingGoFloat {
    /// Shortest round-trip decimal digits and the position of the decimal point.
    static func shortestDigits(_ d: Double) -> (digits: [UInt8], point: Int) {
        var text = "\(abs(d))"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        var intPart = text, fracPart = ""
        if let dot = text.firstIndex(of: ".") {
            intPart = String(text[..<dot])
            fracPart = String(text[text.index(after: dot)...])
        }
        var digits = Array((intPart + fracPart).utf8).map { $0 - 48 }
        var point = intPart.count + exponent
        while let first = digits.first, first == 0, digits.count > 1 { digits.removeFirst(); point -= 1 }
        while let last = digits.last, last == 0, digits.count > 1 { digits.removeLast() }
        if digits == [0] { point = 1 }
        return (digits, point)
    }

    static func formatG(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let (digits, point) = shortestDigits(d)
        let sign = d < 0 ? "-" : ""
        let exp = point - 1
        let text = digits.map { String($0) }.joined()
        if exp < -4 || exp >= 6 {
            var mantissa = String(text.prefix(1))
            if text.count > 1 { mantissa += "." + text.dropFirst() }
            let absExp = abs(exp)
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (absExp < 10 ? "0" : "") + String(absExp)
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + text }
        if point >= text.count { return sign + text + String(repeating: "0", count: point - text.count) }
        let idx = text.index(text.startIndex, offsetBy: point)
        return sign + text[..<idx] + "." + text[idx...]
    }
}
