import BigInt
import PalisadeCore

/// A binary floating-point number with a fixed mantissa precision, rounded to
/// nearest-even: the model of Go's `math/big.Float`.
///
/// OPA computes non-integer arithmetic on `big.Float` values parsed from the
/// numbers' decimal text (64-bit mantissas; `product` accumulates at 53 bits)
/// and prints results in the shortest form that reads back to the same value
/// at that precision. Matching its results digit for digit needs this model:
/// `0.1 + 0.2` is `0.3` and `1 / 3` is `0.33333333333333333334` in OPA.
struct CollectionsBigFloat {
    var isNegative: Bool
    /// Zero means the value is zero.
    var mantissa: BigUInt
    /// The value is `mantissa × 2^exponent`.
    var exponent: Int
    var precision: Int

    init(isNegative: Bool, mantissa: BigUInt, exponent: Int, precision: Int) {
        self.isNegative = isNegative
        self.mantissa = mantissa
        self.exponent = exponent
        self.precision = precision
    }

    /// Decimal exponents beyond this are not expanded exactly; callers fall back to doubles.
    static let maxDecimalExponent = 1_000
    static let maxDigits = 10_000
    /// Results beyond 2^±maxMagnitude are not printed (their digits would be
    /// too costly to produce); the operation is then undefined.
    static let maxMagnitude = 4_096

    static func zero(precision: Int, negative: Bool = false) -> CollectionsBigFloat {
        CollectionsBigFloat(isNegative: negative, mantissa: 0, exponent: 0, precision: precision)
    }

    var isZero: Bool { mantissa.isZero }

    // MARK: Rounding

    /// Rounds `mantissa × 2^exponent` to `precision` bits. `sticky` says that
    /// nonzero bits were already dropped below the mantissa.
    static func rounded(negative: Bool, mantissa: BigUInt, exponent: Int, precision: Int,
                        sticky: Bool = false) -> CollectionsBigFloat {
        guard !mantissa.isZero else { return .zero(precision: precision, negative: negative) }
        let width = mantissa.bitWidth
        guard width > precision else {
            return CollectionsBigFloat(isNegative: negative, mantissa: mantissa, exponent: exponent, precision: precision)
        }
        var shift = width - precision
        var kept = mantissa >> shift
        let dropped = mantissa - (kept << shift)
        let half = BigUInt(1) << (shift - 1)
        let roundUp = dropped > half || (dropped == half && (sticky || kept[bitAt: 0]))
        if roundUp {
            kept += 1
            if kept.bitWidth > precision {
                kept >>= 1
                shift += 1
            }
        }
        return CollectionsBigFloat(isNegative: negative, mantissa: kept, exponent: exponent + shift, precision: precision)
    }

    func rounded(to precision: Int) -> CollectionsBigFloat {
        .rounded(negative: isNegative, mantissa: mantissa, exponent: exponent, precision: precision)
    }

    // MARK: Conversions

    /// Parses decimal text (`-12.5e3`) exactly and rounds it once, as `big.Float.SetString` does.
    init?(decimal text: String, precision: Int = 64) {
        guard let parts = CollectionsDecimal(text) else { return nil }
        guard abs(parts.exponent) <= Self.maxDecimalExponent else { return nil }
        let digits = parts.digits
        if digits.isZero {
            self = .zero(precision: precision, negative: parts.isNegative)
        } else if parts.exponent >= 0 {
            let value = digits * BigUInt(10).power(parts.exponent)
            self = .rounded(negative: parts.isNegative, mantissa: value, exponent: 0, precision: precision)
        } else {
            let k = -parts.exponent
            let divisor = BigUInt(5).power(k)
            let shift = max(0, precision + 2 + divisor.bitWidth - digits.bitWidth)
            let (q, r) = (digits << shift).quotientAndRemainder(dividingBy: divisor)
            self = .rounded(negative: parts.isNegative, mantissa: q, exponent: -k - shift,
                            precision: precision, sticky: !r.isZero)
        }
    }

    /// The value of a Rego number, read from its text as OPA does.
    init?(_ number: Number, precision: Int = 64) {
        if case .int(let i) = number.storage {
            self.init(integer: BigInt(i), precision: precision)
        } else {
            self.init(decimal: number.description, precision: precision)
        }
    }

    init(integer: BigInt, precision: Int) {
        self = .rounded(negative: integer.sign == .minus, mantissa: integer.magnitude, exponent: 0, precision: precision)
    }

    var isInteger: Bool {
        if isZero || exponent >= 0 { return true }
        return mantissa.trailingZeroBitCount >= -exponent
    }

    /// The integer part, truncated toward zero.
    var truncated: BigInt {
        let magnitude = exponent >= 0 ? mantissa << exponent : mantissa >> (-exponent)
        return BigInt(sign: isNegative ? .minus : .plus, magnitude: magnitude)
    }

    /// The Rego number OPA makes of a result (`builtins.FloatToNumber`);
    /// nil when the value is too large or too small to print.
    var number: Number? {
        guard isZero || abs(top) <= Self.maxMagnitude else { return nil }
        let text = CollectionsFloatFormat.text(of: self)
        return Number(literal: text) ?? Double(text).map { Number($0, literal: text) }
    }

    // MARK: Arithmetic

    func adding(_ other: CollectionsBigFloat, precision: Int) -> CollectionsBigFloat {
        if isZero { return other.isZero ? .zero(precision: precision) : other.rounded(to: precision) }
        if other.isZero { return rounded(to: precision) }
        let (a, b) = (self.compacted(against: other, precision: precision),
                      other.compacted(against: self, precision: precision))
        let low = min(a.exponent, b.exponent)
        let ma = a.mantissa << (a.exponent - low)
        let mb = b.mantissa << (b.exponent - low)
        if a.isNegative == b.isNegative {
            return .rounded(negative: a.isNegative, mantissa: ma + mb, exponent: low, precision: precision)
        }
        if ma == mb { return .zero(precision: precision) }
        let aLarger = ma > mb
        return .rounded(negative: aLarger ? a.isNegative : b.isNegative,
                        mantissa: aLarger ? ma - mb : mb - ma, exponent: low, precision: precision)
    }

    func subtracting(_ other: CollectionsBigFloat, precision: Int) -> CollectionsBigFloat {
        var negated = other
        negated.isNegative.toggle()
        return adding(negated, precision: precision)
    }

    func multiplied(by other: CollectionsBigFloat, precision: Int) -> CollectionsBigFloat {
        .rounded(negative: isNegative != other.isNegative, mantissa: mantissa * other.mantissa,
                 exponent: exponent + other.exponent, precision: precision)
    }

    /// Nil when dividing by zero.
    func divided(by other: CollectionsBigFloat, precision: Int) -> CollectionsBigFloat? {
        guard !other.isZero else { return nil }
        let negative = isNegative != other.isNegative
        guard !isZero else { return .zero(precision: precision, negative: negative) }
        let shift = max(0, precision + 2 + other.mantissa.bitWidth - mantissa.bitWidth)
        let (q, r) = (mantissa << shift).quotientAndRemainder(dividingBy: other.mantissa)
        return .rounded(negative: negative, mantissa: q, exponent: exponent - shift - other.exponent,
                        precision: precision, sticky: !r.isZero)
    }

    /// The top of the value: the bit position just above its highest bit.
    var top: Int { exponent + mantissa.bitWidth }

    /// When this value is far below `other`, it only decides the rounding
    /// direction, so a tiny stand-in of the same sign gives the same result
    /// without aligning thousands of bits.
    private func compacted(against other: CollectionsBigFloat, precision: Int) -> CollectionsBigFloat {
        let limit = other.top - max(precision, other.mantissa.bitWidth) - 3
        guard top < limit else { return self }
        return CollectionsBigFloat(isNegative: isNegative, mantissa: 1, exponent: limit - 2, precision: self.precision)
    }
}

/// The parts of a decimal literal: `-12.50e3` is negative, digits 1250, exponent 1.
struct CollectionsDecimal {
    var isNegative: Bool
    /// The significant digits, without the decimal point.
    var digitText: Substring
    var exponent: Int

    init?(_ text: String) {
        var body = Substring(text)
        isNegative = body.hasPrefix("-")
        if body.hasPrefix("-") || body.hasPrefix("+") { body = body.dropFirst() }
        var exponentPart: Substring = "0"
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponentPart = body[body.index(after: e)...]
            body = body[..<e]
        }
        let pieces = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = pieces[0]
        let fraction = pieces.count > 1 ? pieces[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty),
              whole.count + fraction.count <= CollectionsBigFloat.maxDigits,
              whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
              exponentPart.count <= 12, let exp = Int(exponentPart)
        else { return nil }
        digitText = Substring(whole + fraction)
        exponent = exp - fraction.count
    }

    var digits: BigUInt { BigUInt(String(digitText)) ?? 0 }

    /// The integer this literal denotes, if it is one.
    var integer: BigInt? {
        let magnitude: BigUInt
        if digitText.allSatisfy({ $0 == "0" }) {
            magnitude = 0
        } else if exponent >= 0 {
            guard exponent <= CollectionsBigFloat.maxDecimalExponent else { return nil }
            magnitude = digits * BigUInt(10).power(exponent)
        } else {
            let trailingZeros = digitText.reversed().prefix(while: { $0 == "0" }).count
            guard trailingZeros >= -exponent, let value = BigUInt(String(digitText.dropLast(-exponent))) else { return nil }
            magnitude = value
        }
        return BigInt(sign: isNegative ? .minus : .plus, magnitude: magnitude)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
