/// Integer digits in bases 2, 8, 10 and 16 for integers of any size, given
/// as decimal text (as `Number.description` prints them).
enum GoIntegerText {
    /// Digits of |value| in `base`, lowercase; `decimal` is an optional '-'
    /// followed by decimal digits.
    static func digits(ofDecimal decimal: String, base: Int) -> String {
        let magnitude = decimal.hasPrefix("-") ? String(decimal.dropFirst()) : decimal
        // Very long numbers stay decimal: converting them would take quadratic time.
        if base == 10 || magnitude.utf8.count > 20_000 { return magnitude }
        var limbs = decimalLimbs(magnitude)
        var out: [UInt8] = []
        let alphabet = Array("0123456789abcdef".utf8)
        repeat {
            let remainder = divide(&limbs, by: UInt64(base))
            out.append(alphabet[Int(remainder)])
        } while !limbs.isEmpty
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// Base-1e9 limbs, most significant first, without leading zero limbs.
    private static func decimalLimbs(_ digits: String) -> [UInt64] {
        var limbs: [UInt64] = []
        let bytes = Array(digits.utf8)
        var end = bytes.count
        while end > 0 {
            let start = max(0, end - 9)
            var limb: UInt64 = 0
            for b in bytes[start..<end] where b >= 48 && b <= 57 { limb = limb * 10 + UInt64(b - 48) }
            limbs.insert(limb, at: 0)
            end = start
        }
        return trimmed(limbs)
    }

    /// Divides in place and returns the remainder.
    private static func divide(_ limbs: inout [UInt64], by divisor: UInt64) -> UInt64 {
        var remainder: UInt64 = 0
        for i in limbs.indices {
            let current = remainder * 1_000_000_000 + limbs[i]
            limbs[i] = current / divisor
            remainder = current % divisor
        }
        limbs = trimmed(limbs)
        return remainder
    }

    private static func trimmed(_ limbs: [UInt64]) -> [UInt64] {
        Array(limbs.drop { $0 == 0 })
    }
}
