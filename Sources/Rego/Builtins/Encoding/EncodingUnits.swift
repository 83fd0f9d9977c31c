import BigInt
import PalisadeCore

/// units.parse and units.parse_bytes.
enum EncodingUnits {
    static var builtins: [Builtin] {
        [
            Builtin("units.parse", arity: 1) { args, _ in
                try parseUnits(try args.string(0), args: args)
            },
            Builtin("units.parse_bytes", arity: 1) { args, _ in
                try parseBytes(try args.string(0), args: args)
            },
        ]
    }

    static let binary: [String: UInt64] = ["ki": 1 << 10, "mi": 1 << 20, "gi": 1 << 30, "ti": 1 << 40, "pi": 1 << 50, "ei": 1 << 60]
    static let decimal: [String: UInt64] = ["k": 1_000, "m": 1_000_000, "g": 1_000_000_000, "t": 1_000_000_000_000,
                                            "p": 1_000_000_000_000_000, "e": 1_000_000_000_000_000_000]
    /// Larger exponents would build enormous integers.
    static let maxExponent = 4_000

    static func parseUnits(_ raw: String, args: BuiltinArgs) throws -> Value {
        let s = raw.replacingOccurrences(of: "\"", with: "")
        if s.contains(" ") { throw args.failure("spaces not allowed in resource strings") }
        guard let (num, rawUnit) = split(s) else { throw args.failure("exponent too large") }
        if num.isEmpty { throw args.failure("no amount provided") }
        // Only letters after the first are case-insensitive, so "m" (milli) differs from "M" (mega).
        let unit = rawUnit.count > 1 ? String(rawUnit.prefix(1)) + rawUnit.dropFirst().lowercased() : rawUnit
        var numerator = BigInt(1), denominator = BigInt(1)
        switch unit {
        case "": break
        case "m": denominator = 1000
        case "M": numerator = BigInt(decimal["m"]!)
        case "k", "K", "g", "G", "t", "T", "p", "P", "e", "E": numerator = BigInt(decimal[unit.lowercased()]!)
        case "ki", "Ki", "mi", "Mi", "gi", "Gi", "ti", "Ti", "pi", "Pi", "ei", "Ei": numerator = BigInt(binary[unit.lowercased()]!)
        default: throw args.failure("unit \(unit) not recognized")
        }
        guard let (mantissa, exponent) = decimalParts(num), abs(exponent) <= maxExponent else {
            throw args.failure("could not parse amount to a number")
        }
        var n = mantissa * numerator, d = denominator
        if exponent >= 0 { n *= BigInt(10).power(exponent) } else { d *= BigInt(10).power(-exponent) }
        let (q, r) = n.quotientAndRemainder(dividingBy: d)
        if r == 0 { return .number(Number(q)) }
        return .number(Number(literal: floatString(n, d, places: 10)) ?? Number(Double(n) / Double(d)))
    }

    /// big.Rat.FloatString: rounded to `places` decimals, halves away from zero.
    static func floatString(_ n: BigInt, _ d: BigInt, places: Int) -> String {
        let scale = BigInt(10).power(places)
        let scaled = (n.magnitude * scale.magnitude * 2 + d.magnitude) / (d.magnitude * 2)
        var digits = String(scaled)
        if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
        let point = digits.index(digits.endIndex, offsetBy: -places)
        return (n < 0 ? "-" : "") + digits[..<point] + "." + digits[point...]
    }

    static func parseBytes(_ raw: String, args: BuiltinArgs) throws -> Value {
        let s = raw.lowercased().replacingOccurrences(of: "\"", with: "")
        if s.contains(" ") { throw args.failure("spaces not allowed in resource strings") }
        guard let (num, unit) = split(s) else { throw args.failure("exponent too large") }
        if num.isEmpty { throw args.failure("no byte amount provided") }
        let multiplier: UInt64
        switch unit {
        case "": multiplier = 1
        case "kb", "k", "mb", "m", "gb", "g", "tb", "t", "pb", "p", "eb", "e": multiplier = decimal[String(unit.prefix(1))]!
        case "kib", "ki", "mib", "mi", "gib", "gi", "tib", "ti", "pib", "pi", "eib", "ei": multiplier = binary[String(unit.prefix(2))]!
        default: throw args.failure("byte unit \(unit) not recognized")
        }
        guard let (mantissa, exponent) = decimalParts(num), abs(exponent) <= maxExponent else {
            throw args.failure("could not parse byte amount to a number")
        }
        let value = EncodingBigFloat64(decimalMantissa: mantissa.magnitude, exponent10: exponent)
            .multiplied(by: BigUInt(multiplier))
        let magnitude = BigInt(value.truncated())
        return .number(Number(mantissa < 0 ? -magnitude : magnitude))
    }

    /// OPA's extractNumAndUnit; nil when an exponent has more than six digits.
    static func split(_ s: String) -> (String, String)? {
        let b = Array(s.utf8)
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 48 && b[i] <= 57 }
        var idx = 0
        var firstNonNum = -1
        while idx < b.count {
            let c = b[idx]
            let numeric = isDigit(idx) || c == 46
            if !numeric && c != 101 && c != 69 && c != 43 && c != 45 { firstNonNum = idx; break }
            if c == 101 || c == 69 {
                let next = idx + 1
                if next >= b.count || (!isDigit(next) && b[next] != 43 && b[next] != 45) { firstNonNum = idx; break }
                if b[next] == 43 || b[next] == 45 { idx += 1 }
                var end = idx + 1
                while isDigit(end) { end += 1 }
                if end - (idx + 1) > 6 { return nil }
            }
            idx += 1
        }
        if firstNonNum == -1 { return (s, "") }
        let num = String(decoding: b[..<firstNonNum], as: UTF8.self)
        let unit = String(decoding: b[firstNonNum...], as: UTF8.self)
        return (num, unit)
    }

    /// A decimal literal as mantissa × 10^exponent: `[+-]digits[.digits][e[+-]digits]`.
    static func decimalParts(_ text: String) -> (BigInt, Int)? {
        var s = Substring(text)
        var negative = false
        if let c = s.first, c == "+" || c == "-" { negative = c == "-"; s = s.dropFirst() }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let exp = Int(s[s.index(after: e)...]) else { return nil }
            exponent = exp
            s = s[..<e]
        }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let intPart = parts[0], fracPart = parts.count > 1 ? parts[1] : ""
        let digits = intPart + fracPart
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              !fracPart.contains("."), let value = BigInt(String(digits)) else { return nil }
        return (negative ? -value : value, exponent - fracPart.count)
    }
}

/// A positive binary float with a 64-bit mantissa, rounded to nearest-even as
/// Go's big.Float with its default precision, so parse_bytes truncates alike.
struct EncodingBigFloat64 {
    var mantissa: BigUInt
    var exponent2: Int

    init(mantissa: BigUInt, exponent2: Int) {
        self.mantissa = mantissa
        self.exponent2 = exponent2
    }

    /// big.Float.SetString: the mantissa is rounded first, then scaled by 5^e (rounded again).
    init(decimalMantissa m: BigUInt, exponent10 e: Int) {
        var value = Self.rounded(m, 1, exponent2: 0)
        if e != 0 {
            var five = BigUInt(5).power(abs(e))
            if five.bitWidth > 128 {
                let r = Self.rounded(five, 1, exponent2: 0, bits: 128)
                five = r.mantissa << r.exponent2
            }
            value = e > 0
                ? Self.rounded(value.mantissa * five, 1, exponent2: value.exponent2)
                : Self.rounded(value.mantissa, five, exponent2: value.exponent2)
            value.exponent2 += e
        }
        self = value
    }

    func multiplied(by m: BigUInt) -> EncodingBigFloat64 {
        Self.rounded(mantissa * m, 1, exponent2: exponent2)
    }

    func truncated() -> BigUInt {
        if mantissa.isZero { return 0 }
        return exponent2 >= 0 ? mantissa << exponent2 : mantissa >> -exponent2
    }

    /// n/d × 2^exponent2 rounded to `bits` significant bits, ties to even.
    static func rounded(_ n: BigUInt, _ d: BigUInt, exponent2: Int, bits: Int = 64) -> EncodingBigFloat64 {
        if n.isZero { return EncodingBigFloat64(mantissa: 0, exponent2: 0) }
        let shift = bits + 3 - (n.bitWidth - d.bitWidth)
        let num = shift >= 0 ? n << shift : n
        let den = shift >= 0 ? d : d << -shift
        let (quotient, remainder) = num.quotientAndRemainder(dividingBy: den)
        var q = quotient
        var exp = exponent2 - shift
        let excess = q.bitWidth - bits
        if excess > 0 {
            let lower = q & ((BigUInt(1) << excess) - 1)
            q >>= excess
            exp += excess
            let half = BigUInt(1) << (excess - 1)
            if lower > half || (lower == half && (!remainder.isZero || q & 1 == 1)) { q += 1 }
            if q.bitWidth > bits { q >>= 1; exp += 1 }
        }
        return EncodingBigFloat64(mantissa: q, exponent2: exp)
    }
}
