/// Groups, flags, repetition counts and escapes.
extension RegexParser {
    /// Parses `(?flags)`, `(?flags:`, `(?P<name>` and `(?<name>` at `s`.
    mutating func parsePerlFlags(_ s: Int) throws(RE2Error) -> Int {
        let startsWithP = end - s > 4 && bytes[s + 2] == UInt8(ascii: "P") && bytes[s + 3] == UInt8(ascii: "<")
        let startsWithName = end - s > 3 && bytes[s + 2] == UInt8(ascii: "<")
        if startsWithP || startsWithName {
            let nameStart = s + (startsWithP ? 4 : 3)
            guard let close = bytes[s...].firstIndex(of: UInt8(ascii: ">")) else {
                throw RE2Error(.invalidNamedCapture, text(s, end))
            }
            let name = text(nameStart, close)
            guard Self.isValidCaptureName(name) else {
                throw RE2Error(.invalidNamedCapture, text(s, close + 1))
            }
            numCap += 1
            let paren = RegexNode(.leftParen, flags: flags)
            paren.cap = numCap
            paren.name = name
            try push(paren)
            return close + 1
        }

        var t = s + 2
        var newFlags = flags
        var negated = false
        var sawFlag = false
        loop: while t < end {
            let (c, w) = rune(at: t)
            t += w
            switch c {
            case 0x69: // i
                newFlags.insert(.foldCase)
                sawFlag = true
            case 0x6D: // m
                newFlags.remove(.oneLine)
                sawFlag = true
            case 0x73: // s
                newFlags.insert(.dotNL)
                sawFlag = true
            case 0x55: // U
                newFlags.insert(.nonGreedy)
                sawFlag = true
            case 0x2D: // -
                if negated { break loop }
                negated = true
                // Inverted so that the inserts above clear flags; undone at the end.
                newFlags = newFlags.inverted
                sawFlag = false
            case 0x3A, 0x29: // : )
                if negated {
                    if !sawFlag { break loop }
                    newFlags = newFlags.inverted
                }
                if c == 0x3A { try push(RegexNode(.leftParen, flags: flags)) }
                flags = newFlags
                return t
            default:
                break loop
            }
        }
        throw RE2Error(.invalidPerlOp, text(s, t))
    }

    static func isValidCaptureName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0 == "_" || RegexUTF8.isAlnum(Int32($0.value)) }
    }

    /// Parses `{n}`, `{n,}` or `{n,m}` at `s`: (min, max, index after `}`).
    /// max is -1 for `{n,}`; min is -1 when a number is too large.
    func parseRepeatBraces(_ s: Int) -> (Int, Int, Int)? {
        var t = s + 1
        guard let (lo, afterLo) = parseInt(t) else { return nil }
        t = afterLo
        var lo2 = lo
        var hi = lo
        guard t < end else { return nil }
        if bytes[t] == UInt8(ascii: ",") {
            t += 1
            guard t < end else { return nil }
            if bytes[t] == UInt8(ascii: "}") {
                hi = -1
            } else {
                guard let (value, afterHi) = parseInt(t) else { return nil }
                t = afterHi
                hi = value
                if value < 0 { lo2 = -1 }
            }
        }
        guard t < end, bytes[t] == UInt8(ascii: "}") else { return nil }
        return (lo2, hi, t + 1)
    }

    /// A decimal number without leading zeros; -1 when it exceeds 1e8.
    func parseInt(_ s: Int) -> (Int, Int)? {
        guard s < end, RegexUTF8.isDigit(bytes[s]) else { return nil }
        if end - s >= 2 && bytes[s] == UInt8(ascii: "0") && RegexUTF8.isDigit(bytes[s + 1]) { return nil }
        var t = s
        var n = 0
        while t < end && RegexUTF8.isDigit(bytes[t]) {
            if n >= 100_000_000 {
                n = -1
            } else if n >= 0 {
                n = n * 10 + Int(bytes[t] - UInt8(ascii: "0"))
            }
            t += 1
        }
        return (n, t)
    }

    /// Everything that starts with a backslash outside a character class.
    mutating func parseBackslash(_ t: Int) throws(RE2Error) -> Int {
        if t + 1 < end {
            switch bytes[t + 1] {
            case UInt8(ascii: "A"):
                try op(.beginText)
                return t + 2
            case UInt8(ascii: "b"):
                try op(.wordBoundary)
                return t + 2
            case UInt8(ascii: "B"):
                try op(.noWordBoundary)
                return t + 2
            case UInt8(ascii: "C"):
                throw RE2Error(.invalidEscape, text(t, t + 2))
            case UInt8(ascii: "Q"):
                return try parseQuoted(t + 2)
            case UInt8(ascii: "z"):
                try op(.endText)
                return t + 2
            default:
                break
            }
        }
        if let (ranges, rest) = try parseUnicodeClass(t) ?? parsePerlClassEscape(t) {
            let node = RegexNode(.charClass, flags: flags)
            node.runes = ranges.pairs
            try push(node)
            return rest
        }
        let (c, rest) = try parseEscape(t)
        try literal(c)
        return rest
    }

    /// `\Q...\E`: everything up to `\E` (or the end) is literal.
    private mutating func parseQuoted(_ start: Int) throws(RE2Error) -> Int {
        var stop = end
        var i = start
        while i + 1 < end {
            if bytes[i] == UInt8(ascii: "\\") && bytes[i + 1] == UInt8(ascii: "E") {
                stop = i
                break
            }
            i += 1
        }
        var t = start
        while t < stop {
            let (c, w) = rune(at: t)
            try literal(c)
            t += w
        }
        return stop == end ? end : stop + 2
    }

    /// A single-character escape at `s` (which holds the backslash).
    func parseEscape(_ s: Int) throws(RE2Error) -> (Int32, Int) {
        var t = s + 1
        guard t < end else { throw RE2Error(.trailingBackslash, "") }
        let (c, w) = rune(at: t)
        t += w
        switch c {
        case 0x31...0x37 where t < end && bytes[t] >= UInt8(ascii: "0") && bytes[t] <= UInt8(ascii: "7"), 0x30:
            var r = c - 0x30
            for _ in 1..<3 {
                guard t < end, bytes[t] >= UInt8(ascii: "0"), bytes[t] <= UInt8(ascii: "7") else { break }
                r = r * 8 + Int32(bytes[t] - UInt8(ascii: "0"))
                t += 1
            }
            return (r, t)
        case 0x78: // x
            if let (r, rest) = parseHexEscape(&t) { return (r, rest) }
        case 0x61: return (7, t)
        case 0x66: return (12, t)
        case 0x6E: return (10, t)
        case 0x72: return (13, t)
        case 0x74: return (9, t)
        case 0x76: return (11, t)
        default:
            // Escaped punctuation is always itself; letters and digits are reserved.
            if c < 0x80 && !RegexUTF8.isAlnum(c) { return (c, t) }
        }
        throw RE2Error(.invalidEscape, text(s, t))
    }

    /// `\xHH` or `\x{H...}` after the `x`; advances `t` over what it reads.
    private func parseHexEscape(_ t: inout Int) -> (Int32, Int)? {
        guard t < end else { return nil }
        var (c, w) = rune(at: t)
        t += w
        if c == 0x7B { // {
            var r: Int32 = 0
            var digits = 0
            while true {
                guard t < end else { return nil }
                (c, w) = rune(at: t)
                t += w
                if c == 0x7D { break }
                let v = RegexUTF8.unhex(c)
                guard v >= 0 else { return nil }
                r = r * 16 + v
                guard r <= RegexRuneRanges.maxRune else { return nil }
                digits += 1
            }
            return digits == 0 ? nil : (r, t)
        }
        let x = RegexUTF8.unhex(c)
        (c, w) = rune(at: t)
        t += w
        let y = RegexUTF8.unhex(c)
        guard x >= 0, y >= 0 else { return nil }
        return (x * 16 + y, t)
    }
}
