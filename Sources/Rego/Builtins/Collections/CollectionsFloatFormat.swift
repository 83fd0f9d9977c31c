import BigInt

/// Prints a `CollectionsBigFloat` as OPA prints arithmetic results: the
/// shortest decimal that reads back to the same value at the float's
/// precision, in Go's `%f` form for integers and `%g` form otherwise
/// (`Float.Text('f' or 'g', -1)`).
enum CollectionsFloatFormat {
    static func text(of value: CollectionsBigFloat) -> String {
        guard !value.isZero else { return "0" }
        var digits = CollectionsDecimalDigits(value.mantissa, shift: value.exponent)
        shorten(&digits, value: value)
        let body = value.isInteger ? fixed(digits, fractionDigits: max(digits.count - digits.point, 0))
                                   : general(digits)
        return value.isNegative ? "-" + body : body
    }

    /// Go's `%g` with shortest precision: exponent form below 1e-4 or from 1e6 up.
    private static func general(_ d: CollectionsDecimalDigits) -> String {
        let exp = d.point - 1
        if exp < -4 || exp >= 6 { return scientific(d) }
        return fixed(d, fractionDigits: max(d.count - d.point, 0))
    }

    private static func fixed(_ d: CollectionsDecimalDigits, fractionDigits: Int) -> String {
        var out = ""
        if d.point > 0 {
            let whole = min(d.count, d.point)
            out += d.text(0..<whole)
            out += String(repeating: "0", count: d.point - whole)
        } else {
            out = "0"
        }
        if fractionDigits > 0 {
            out += "."
            for i in 1...fractionDigits { out.append(d.character(at: d.point + i - 1)) }
        }
        return out
    }

    private static func scientific(_ d: CollectionsDecimalDigits) -> String {
        var out = String(d.character(at: 0))
        if d.count > 1 { out += "." + d.text(1..<d.count) }
        let exp = d.point - 1
        out += exp < 0 ? "e-" : "e+"
        if abs(exp) < 10 { out += "0" }
        return out + String(abs(exp))
    }

    /// Keeps the fewest digits that still lie within half a unit in the last
    /// place (at the value's precision) of the exact value.
    private static func shorten(_ d: inout CollectionsDecimalDigits, value: CollectionsBigFloat) {
        var mantissa = value.mantissa
        var exponent = value.exponent
        let shift = mantissa.bitWidth - (value.precision + 1)
        if shift < 0 { mantissa <<= -shift } else if shift > 0 { mantissa >>= shift }
        exponent += shift
        let lower = CollectionsDecimalDigits(mantissa - 1, shift: exponent)
        let upper = CollectionsDecimalDigits(mantissa + 1, shift: exponent)
        let inclusive = !mantissa[bitAt: 1]
        for i in 0..<d.count {
            let m = d.digit(at: i), l = lower.digit(at: i), u = upper.digit(at: i)
            let okDown = l != m || (inclusive && i + 1 == lower.count)
            let okUp = m != u && (inclusive || m + 1 < u || i + 1 < upper.count)
            switch (okDown, okUp) {
            case (true, true): d.round(keeping: i + 1); return
            case (true, false): d.roundDown(keeping: i + 1); return
            case (false, true): d.roundUp(keeping: i + 1); return
            default: continue
            }
        }
    }
}

/// An exact decimal `0.d1d2d3… × 10^point` without trailing zeros (Go's `math/big.decimal`).
struct CollectionsDecimalDigits {
    private(set) var digits: [UInt8]
    private(set) var point: Int

    /// The decimal form of `mantissa × 2^shift`.
    init(_ mantissa: BigUInt, shift: Int) {
        var m = mantissa
        var s = shift
        if s < 0 {
            let drop = min(-s, m.trailingZeroBitCount)
            m >>= drop
            s += drop
        }
        var scaleDown = 0
        if s > 0 {
            m <<= s
        } else if s < 0 {
            scaleDown = -s
            m *= BigUInt(5).power(scaleDown)
        }
        let text = m.isZero ? [] : Array(String(m).utf8).map { $0 - 48 }
        point = text.count - scaleDown
        digits = text
        trimTrailingZeros()
    }

    var count: Int { digits.count }

    func digit(at i: Int) -> UInt8 { i >= 0 && i < digits.count ? digits[i] : 0 }

    func character(at i: Int) -> Character { Character(Unicode.Scalar(digit(at: i) + 48)) }

    func text(_ range: Range<Int>) -> String {
        String(decoding: digits[range].map { $0 + 48 }, as: UTF8.self)
    }

    mutating func round(keeping n: Int) {
        guard n >= 0, n < digits.count else { return }
        let roundsUp: Bool
        if digits[n] == 5 && n + 1 == digits.count {
            roundsUp = n > 0 && digits[n - 1] % 2 == 1
        } else {
            roundsUp = digits[n] >= 5
        }
        if roundsUp { roundUp(keeping: n) } else { roundDown(keeping: n) }
    }

    mutating func roundDown(keeping n: Int) {
        guard n >= 0, n < digits.count else { return }
        digits.removeSubrange(n...)
        trimTrailingZeros()
    }

    mutating func roundUp(keeping n: Int) {
        guard n >= 0, n < digits.count else { return }
        var i = n - 1
        while i >= 0 && digits[i] >= 9 { i -= 1 }
        if i < 0 {
            digits = [1]
            point += 1
        } else {
            digits[i] += 1
            digits.removeSubrange((i + 1)...)
        }
    }

    private mutating func trimTrailingZeros() {
        while let last = digits.last, last == 0 { digits.removeLast() }
        if digits.isEmpty { point = 0 }
    }
}
