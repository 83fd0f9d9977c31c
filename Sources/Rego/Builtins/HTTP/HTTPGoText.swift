import PalisadeCore

/// Text conversions that reproduce Go's standard library, so error messages
/// match OPA's word for word.
enum HTTPGoText {
    /// `strconv.Quote`: a double-quoted Go string literal.
    static func quote(_ s: String) -> String { GoQuote.quote(s) }

    /// OPA's `ast.Term.String()`: Rego literal syntax, strings quoted as Go does.
    static func regoText(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s): return quote(s)
        case .array(let items): return "[" + items.map(regoText).joined(separator: ", ") + "]"
        case .set(let items):
            if items.isEmpty { return "set()" }
            return setText(Array(items))
        case .object(let fields):
            let pairs = fields.keys.sorted().map { regoText($0) + ": " + regoText(fields[$0] ?? .null) }
            return "{" + pairs.joined(separator: ", ") + "}"
        }
    }

    /// A Rego set literal of `items`, sorted: `{"method", "url"}`.
    static func setText(_ items: [Value]) -> String {
        "{" + items.sorted().map(regoText).joined(separator: ", ") + "}"
    }

    /// `strconv.ParseBool` applied to a term's Rego text, as OPA does for the
    /// boolean request fields (so the string `"true"` is rejected, quotes included).
    static func parseBool(_ value: Value) throws(HTTPSendFailure) -> Bool {
        let text = regoText(value)
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: throw .plain("strconv.ParseBool: parsing \(quote(text)): invalid syntax")
        }
    }

    /// `strconv.ParseInt(text, 10, bits)` with Go's error messages.
    static func parseInt(_ text: String, bits: Int) -> Result<Int64, HTTPSendFailure> {
        var digits = Substring(text)
        var negative = false
        if let first = digits.first, first == "+" || first == "-" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(.plain("strconv.ParseInt: parsing \(quote(text)): invalid syntax"))
        }
        let limit = bits >= 64 ? UInt64(Int64.max) : (UInt64(1) << UInt64(bits - 1)) - 1
        var magnitude: UInt64 = 0
        for digit in digits.utf8 {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit - 48))
            guard !overflow1, !overflow2, sum <= limit + 1 else {
                return .failure(.plain("strconv.ParseInt: parsing \(quote(text)): value out of range"))
            }
            magnitude = sum
        }
        if magnitude > limit && !(negative && magnitude == limit + 1) {
            return .failure(.plain("strconv.ParseInt: parsing \(quote(text)): value out of range"))
        }
        if negative { return .success(magnitude == limit + 1 ? -Int64(limit) - 1 : -Int64(magnitude)) }
        return .success(Int64(magnitude))
    }

    /// `time.ParseDuration`: `"1h30m"`, `"1.5s"`, `"300ms"`, in nanoseconds.
    static func parseDuration(_ text: String) -> Result<Int64, HTTPSendFailure> {
        let invalid = HTTPSendFailure.plain("time: invalid duration \(quote(text))")
        var s = Array(text.utf8)[...]
        var negative = false
        if let first = s.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        if s.elementsEqual("0".utf8) { return .success(0) }
        if s.isEmpty { return .failure(invalid) }
        var total: UInt64 = 0
        let ceiling = UInt64(1) << 63
        while !s.isEmpty {
            guard let c = s.first, c == UInt8(ascii: ".") || isDigit(c) else { return .failure(invalid) }
            let integerStart = s.count
            var whole: UInt64 = 0
            while let c = s.first, isDigit(c) {
                let (times10, o1) = whole.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(c - 48))
                guard !o1, !o2, sum <= ceiling else { return .failure(invalid) }
                whole = sum
                s = s.dropFirst()
            }
            let hasInteger = s.count != integerStart
            var fraction: UInt64 = 0
            var scale: Double = 1
            var hasFraction = false
            if s.first == UInt8(ascii: ".") {
                s = s.dropFirst()
                let fractionStart = s.count
                var overflowed = false
                while let c = s.first, isDigit(c) {
                    if !overflowed {
                        if fraction > (ceiling - 1) / 10 {
                            overflowed = true
                        } else {
                            fraction = fraction * 10 + UInt64(c - 48)
                            scale *= 10
                        }
                    }
                    s = s.dropFirst()
                }
                hasFraction = s.count != fractionStart
            }
            if !hasInteger && !hasFraction { return .failure(invalid) }
            var unitEnd = s.startIndex
            while unitEnd < s.endIndex, s[unitEnd] != UInt8(ascii: "."), !isDigit(s[unitEnd]) {
                unitEnd += 1
            }
            if unitEnd == s.startIndex {
                return .failure(.plain("time: missing unit in duration \(quote(text))"))
            }
            let unitName = String(decoding: s[s.startIndex..<unitEnd], as: UTF8.self)
            s = s[unitEnd...]
            guard let unit = durationUnits[unitName] else {
                return .failure(.plain("time: unknown unit \(quote(unitName)) in duration \(quote(text))"))
            }
            guard whole <= ceiling / unit else { return .failure(invalid) }
            var value = whole * unit
            if fraction > 0 {
                value += UInt64(Double(fraction) * (Double(unit) / scale))
                guard value <= ceiling else { return .failure(invalid) }
            }
            let (sum, overflow) = total.addingReportingOverflow(value)
            guard !overflow, sum <= ceiling else { return .failure(invalid) }
            total = sum
        }
        if negative { return .success(total == ceiling ? Int64.min : -Int64(total)) }
        guard total < ceiling else { return .failure(invalid) }
        return .success(Int64(total))
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static let durationUnits: [String: UInt64] = [
        "ns": 1, "us": 1_000, "\u{00B5}s": 1_000, "\u{03BC}s": 1_000,
        "ms": 1_000_000, "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// `http.CanonicalHeaderKey`: `content-type` becomes `Content-Type`.
    /// Keys with characters outside the token set are returned unchanged.
    static func canonicalHeaderKey(_ key: String) -> String {
        let bytes = Array(key.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy(isTokenByte) else { return key }
        var upper = true
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for var b in bytes {
            if upper, b >= 97, b <= 122 { b -= 32 } else if !upper, b >= 65, b <= 90 { b += 32 }
            out.append(b)
            upper = b == UInt8(ascii: "-")
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isTokenByte(_ b: UInt8) -> Bool {
        if b >= 0x80 || b <= 0x20 || b == 0x7F { return false }
        return !"()<>@,;:\\\"/[]?={} \t".utf8.contains(b)
    }
}
