/// Go's time.ParseDuration: "1h2m3.5s", "-1.5h", "300ms", "2µs".
enum EncodingGoDuration {
    struct ParseError: Error { var message: String }

    static let units: [String: UInt64] = [
        "ns": 1, "us": 1_000, "\u{00B5}s": 1_000, "\u{03BC}s": 1_000,
        "ms": 1_000_000, "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    static func parse(_ text: String) throws -> Int64 {
        let orig = text
        var s = Array(text.utf8)[...]
        let invalid = ParseError(message: "time: invalid duration " + EncodingGoTimeParser.quote(orig))
        var negative = false
        if let c = s.first, c == 45 || c == 43 {
            negative = c == 45
            s = s.dropFirst()
        }
        if s.elementsEqual([48]) { return 0 }
        if s.isEmpty { throw invalid }
        var total: UInt64 = 0
        let limit: UInt64 = 1 << 63
        while !s.isEmpty {
            guard let c = s.first, c == 46 || (c >= 48 && c <= 57) else { throw invalid }
            let before = s.count
            guard let v0 = leadingInt(&s) else { throw invalid }
            let pre = before != s.count
            var fraction: UInt64 = 0, scale = 1.0, post = false
            if s.first == 46 {
                s = s.dropFirst()
                let start = s.count
                (fraction, scale) = leadingFraction(&s)
                post = start != s.count
            }
            if !pre && !post { throw invalid }
            let unitBytes = s.prefix { !($0 == 46 || ($0 >= 48 && $0 <= 57)) }
            if unitBytes.isEmpty {
                throw ParseError(message: "time: missing unit in duration " + EncodingGoTimeParser.quote(orig))
            }
            s = s.dropFirst(unitBytes.count)
            let unitName = EncodingGoStrings.string(fromBytes: Array(unitBytes))
            guard let unit = units[unitName] else {
                throw ParseError(message: "time: unknown unit " + EncodingGoTimeParser.quote(unitName)
                    + " in duration " + EncodingGoTimeParser.quote(orig))
            }
            if v0 > limit / unit { throw invalid }
            var v = v0 * unit
            if fraction > 0 {
                // Go computes the fractional part in float64 to stay nanosecond-accurate for hours.
                v += UInt64(Double(fraction) * (Double(unit) / scale))
                if v > limit { throw invalid }
            }
            total += v
            if total > limit { throw invalid }
        }
        if negative { return total == limit ? Int64.min : -Int64(total) }
        if total > limit - 1 { throw invalid }
        return Int64(total)
    }

    private static func leadingInt(_ s: inout ArraySlice<UInt8>) -> UInt64? {
        var x: UInt64 = 0
        while let c = s.first, c >= 48, c <= 57 {
            if x > (1 << 63) / 10 { return nil }
            x = x * 10 + UInt64(c - 48)
            if x > 1 << 63 { return nil }
            s = s.dropFirst()
        }
        return x
    }

    private static func leadingFraction(_ s: inout ArraySlice<UInt8>) -> (UInt64, Double) {
        var x: UInt64 = 0, scale = 1.0, overflow = false
        while let c = s.first, c >= 48, c <= 57 {
            s = s.dropFirst()
            if overflow { continue }
            if x > ((1 << 63) - 1) / 10 { overflow = true; continue }
            let y = x * 10 + UInt64(c - 48)
            if y > 1 << 63 { overflow = true; continue }
            x = y
            scale *= 10
        }
        return (x, scale)
    }
}
