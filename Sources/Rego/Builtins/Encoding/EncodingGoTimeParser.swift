/// Go's time.Parse with Local = UTC: zone abbreviations other than UTC keep
/// the wall clock as UTC, numeric offsets shift the instant.
enum EncodingGoTimeParser {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    private struct Bad: Error {}

    static func parse(layout layoutText: String, value valueText: String) throws -> EncodingGoTime {
        let layout = Array(layoutText.utf8)
        var value = Array(valueText.utf8)[...]
        func parseError(_ layoutElem: String, _ valueElem: ArraySlice<UInt8>, _ message: String = "") -> ParseError {
            if message.isEmpty {
                return ParseError(description: "parsing time \(quote(valueText)) as \(quote(layoutText)): cannot parse "
                    + "\(quote(text(valueElem))) as \(quote(layoutElem))")
            }
            return ParseError(description: "parsing time \(quote(valueText))" + message)
        }
        var fields = Fields()
        var start = 0
        while true {
            let (prefixEnd, element, suffix) = EncodingGoLayoutElement.next(in: layout, from: start)
            let prefix = layout[start..<prefixEnd]
            guard let skipped = skip(value, prefix) else { throw parseError(text(prefix), value) }
            value = skipped
            guard let element else {
                if !value.isEmpty { throw parseError("", value, ": extra text: " + quote(text(value))) }
                break
            }
            let elementText = text(layout[prefixEnd..<suffix])
            start = suffix
            let hold = value
            var rangeError = ""
            do {
                try parseElement(element, value: &value, fields: &fields, rangeError: &rangeError,
                                 rest: Array(layout[suffix...]))
            } catch {
                if !rangeError.isEmpty { throw parseError(elementText, value, ": \(rangeError) out of range") }
                throw parseError(elementText, hold)
            }
            if !rangeError.isEmpty { throw parseError(elementText, value, ": \(rangeError) out of range") }
        }
        return try assemble(fields, remaining: value, parseError: parseError)
    }

    private struct Fields {
        var year: Int64 = 0, month = -1, day = -1, yday = -1
        var hour = 0, minute = 0, second = 0, nanos = 0
        var amSet = false, pmSet = false
        var utc = false
        var zoneOffset: Int?
        var zoneName = ""
    }

    private static func parseElement(_ element: EncodingGoLayoutElement, value: inout ArraySlice<UInt8>,
                                     fields f: inout Fields, rangeError: inout String, rest: [UInt8]) throws {
        switch element {
        case .year:
            guard value.count >= 2 else { throw Bad() }
            let y = try atoi(value.prefix(2))
            value = value.dropFirst(2)
            f.year = Int64(y >= 69 ? y + 1900 : y + 2000)
        case .longYear:
            guard value.count >= 4, isDigit(value, 0) else { throw Bad() }
            f.year = Int64(try atoi(value.prefix(4)))
            value = value.dropFirst(4)
        case .month:
            f.month = try lookup(EncodingGoTime.monthNames.map { String($0.prefix(3)) }, &value) + 1
        case .longMonth:
            f.month = try lookup(EncodingGoTime.monthNames, &value) + 1
        case .numMonth, .zeroMonth:
            f.month = try getnum(&value, fixed: element == .zeroMonth)
            if f.month <= 0 || f.month > 12 { rangeError = "month" }
        case .weekDay:
            _ = try lookup(EncodingGoTime.weekdayNames.map { String($0.prefix(3)) }, &value)
        case .longWeekDay:
            _ = try lookup(EncodingGoTime.weekdayNames, &value)
        case .day, .underDay, .zeroDay:
            if element == .underDay, value.first == 32 { value = value.dropFirst() }
            f.day = try getnum(&value, fixed: element == .zeroDay)
        case .underYearDay, .zeroYearDay:
            for _ in 0..<2 where element == .underYearDay && value.first == 32 { value = value.dropFirst() }
            f.yday = try getnum3(&value, fixed: element == .zeroYearDay)
        case .hour:
            f.hour = try getnum(&value, fixed: false)
            if f.hour >= 24 { rangeError = "hour" }
        case .hour12, .zeroHour12:
            f.hour = try getnum(&value, fixed: element == .zeroHour12)
            if f.hour > 12 { rangeError = "hour" }
        case .minute, .zeroMinute:
            f.minute = try getnum(&value, fixed: element == .zeroMinute)
            if f.minute >= 60 { rangeError = "minute" }
        case .second, .zeroSecond:
            f.second = try getnum(&value, fixed: element == .zeroSecond)
            if f.second >= 60 { rangeError = "second"; return }
            // A fractional second may follow even when the layout has none.
            if value.count >= 2, value.first == 46 || value.first == 44, isDigit(value, 1) {
                let (_, next, _) = EncodingGoLayoutElement.next(in: rest, from: 0)
                if let next, next.isFraction { return }
                var n = 2
                while n < value.count, isDigit(value, n) { n += 1 }
                f.nanos = try nanoseconds(value.prefix(n), rangeError: &rangeError)
                value = value.dropFirst(n)
            }
        case .pm, .pmLower:
            guard value.count >= 2 else { throw Bad() }
            let p = text(value.prefix(2))
            value = value.dropFirst(2)
            switch (p, element == .pm) {
            case ("PM", true), ("pm", false): f.pmSet = true
            case ("AM", true), ("am", false): f.amSet = true
            default: throw Bad()
            }
        case .tz:
            if value.starts(with: Array("UTC".utf8)) {
                f.utc = true
                value = value.dropFirst(3)
                return
            }
            guard let n = timeZoneLength(value) else { throw Bad() }
            f.zoneName = text(value.prefix(n))
            value = value.dropFirst(n)
        case .fracSecond0(let digits, _):
            let n = 1 + digits
            guard value.count >= n else { throw Bad() }
            f.nanos = try nanoseconds(value.prefix(n), rangeError: &rangeError)
            value = value.dropFirst(n)
        case .fracSecond9:
            guard value.count >= 2, value.first == 46 || value.first == 44, isDigit(value, 1) else { return }
            var i = 0
            while i + 1 < value.count, isDigit(value, i + 1) { i += 1 }
            f.nanos = try nanoseconds(value.prefix(1 + i), rangeError: &rangeError)
            value = value.dropFirst(1 + i)
        default:
            if element.isISO8601, value.first == UInt8(ascii: "Z") {
                value = value.dropFirst()
                f.utc = true
                return
            }
            f.zoneOffset = try zoneOffset(element, &value, rangeError: &rangeError)
        }
    }

    private static func zoneOffset(_ element: EncodingGoLayoutElement, _ value: inout ArraySlice<UInt8>,
                                   rangeError: inout String) throws -> Int {
        let v = Array(value)
        let sign: UInt8, hh: ArraySlice<UInt8>, mm: ArraySlice<UInt8>, ss: ArraySlice<UInt8>
        let zero: ArraySlice<UInt8> = [48, 48]
        switch element {
        case .iso8601ColonTZ, .numColonTZ:
            guard v.count >= 6, v[3] == 58 else { throw Bad() }
            (sign, hh, mm, ss) = (v[0], v[1..<3], v[4..<6], zero)
            value = value.dropFirst(6)
        case .numShortTZ, .iso8601ShortTZ:
            guard v.count >= 3 else { throw Bad() }
            (sign, hh, mm, ss) = (v[0], v[1..<3], zero, zero)
            value = value.dropFirst(3)
        case .iso8601ColonSecondsTZ, .numColonSecondsTZ:
            guard v.count >= 9, v[3] == 58, v[6] == 58 else { throw Bad() }
            (sign, hh, mm, ss) = (v[0], v[1..<3], v[4..<6], v[7..<9])
            value = value.dropFirst(9)
        case .iso8601SecondsTZ, .numSecondsTZ:
            guard v.count >= 7 else { throw Bad() }
            (sign, hh, mm, ss) = (v[0], v[1..<3], v[3..<5], v[5..<7])
            value = value.dropFirst(7)
        default:
            guard v.count >= 5 else { throw Bad() }
            (sign, hh, mm, ss) = (v[0], v[1..<3], v[3..<5], zero)
            value = value.dropFirst(5)
        }
        var h = hh, m = mm, s = ss
        let hr = try getnum(&h, fixed: true), mi = try getnum(&m, fixed: true), se = try getnum(&s, fixed: true)
        if hr > 24 { rangeError = "time zone offset hour" }
        if mi > 60 { rangeError = "time zone offset minute" }
        if se > 60 { rangeError = "time zone offset second" }
        let offset = (hr * 60 + mi) * 60 + se
        switch sign {
        case UInt8(ascii: "+"): return offset
        case UInt8(ascii: "-"): return -offset
        default: throw Bad()
        }
    }

    private static func assemble(_ input: Fields, remaining value: ArraySlice<UInt8>,
                                 parseError: (String, ArraySlice<UInt8>, String) -> ParseError) throws -> EncodingGoTime {
        var f = input
        if f.pmSet && f.hour < 12 { f.hour += 12 } else if f.amSet && f.hour == 12 { f.hour = 0 }
        if f.yday >= 0 {
            var d = 0, m = 0
            if EncodingGoCalendar.isLeap(f.year) {
                if f.yday == 31 + 29 { m = 2; d = 29 } else if f.yday > 31 + 29 { f.yday -= 1 }
            }
            if f.yday < 1 || f.yday > 365 { throw parseError("", value, ": day-of-year out of range") }
            if m == 0 {
                m = (f.yday - 1) / 31 + 1
                if EncodingGoCalendar.daysBefore(month: m + 1) < f.yday { m += 1 }
                d = f.yday - EncodingGoCalendar.daysBefore(month: m)
            }
            if f.month >= 0 && f.month != m { throw parseError("", value, ": day-of-year does not match month") }
            f.month = m
            if f.day >= 0 && f.day != d { throw parseError("", value, ": day-of-year does not match day") }
            f.day = d
        } else {
            if f.month < 0 { f.month = 1 }
            if f.day < 0 { f.day = 1 }
        }
        if f.day < 1 || f.day > EncodingGoCalendar.daysIn(month: f.month, year: f.year) {
            throw parseError("", value, ": day out of range")
        }
        guard var t = EncodingGoTime.make(year: f.year, month: Int64(f.month), day: Int64(f.day), hour: Int64(f.hour),
                                          minute: Int64(f.minute), second: Int64(f.second), nanos: Int64(f.nanos),
                                          zone: .utc) else { throw parseError("", value, ": day out of range") }
        if f.utc { return t }
        if let offset = f.zoneOffset {
            t.unix -= Int64(offset)
            t.zone = offset == 0 && (f.zoneName.isEmpty || f.zoneName == "UTC") ? .utc : .fixed(name: f.zoneName, offset: offset)
            return t
        }
        if !f.zoneName.isEmpty {
            var offset = 0
            if f.zoneName.count > 3, f.zoneName.hasPrefix("GMT") { offset = (Int(f.zoneName.dropFirst(3)) ?? 0) * 3600 }
            t.zone = .fixed(name: f.zoneName, offset: offset)
        }
        return t
    }

    // MARK: Helpers mirroring Go's time package

    static func text(_ bytes: ArraySlice<UInt8>) -> String { EncodingGoStrings.string(fromBytes: Array(bytes)) }

    /// Go's time.quote: ASCII printable text in quotes, other bytes as \x escapes.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            if scalar.value >= 0x80 || scalar.value < 0x20 {
                for b in String(scalar).utf8 { out += "\\x" + EncodingGoStrings.hex(UInt32(b), width: 2) }
            } else {
                if scalar == "\"" || scalar == "\\" { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func isDigit(_ s: ArraySlice<UInt8>, _ i: Int) -> Bool {
        let idx = s.startIndex + i
        return idx < s.endIndex && s[idx] >= 48 && s[idx] <= 57
    }

    private static func skip(_ value: ArraySlice<UInt8>, _ prefix: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var v = value, p = prefix
        while let c = p.first {
            if c == 32 {
                if let first = v.first, first != 32 { return nil }
                p = p.drop { $0 == 32 }
                v = v.drop { $0 == 32 }
                continue
            }
            guard v.first == c else { return nil }
            p = p.dropFirst()
            v = v.dropFirst()
        }
        return v
    }

    private static func lookup(_ table: [String], _ value: inout ArraySlice<UInt8>) throws -> Int {
        for (i, name) in table.enumerated() {
            let n = Array(name.utf8)
            guard value.count >= n.count else { continue }
            let candidate = Array(value.prefix(n.count))
            let matches = zip(candidate, n).allSatisfy { a, b in
                a == b || ((a | 0x20) == (b | 0x20) && (a | 0x20) >= 97 && (a | 0x20) <= 122)
            }
            if matches {
                value = value.dropFirst(n.count)
                return i
            }
        }
        throw Bad()
    }

    private static func getnum(_ s: inout ArraySlice<UInt8>, fixed: Bool) throws -> Int {
        guard isDigit(s, 0) else { throw Bad() }
        let first = Int(s[s.startIndex] - 48)
        if !isDigit(s, 1) {
            if fixed { throw Bad() }
            s = s.dropFirst()
            return first
        }
        let value = first * 10 + Int(s[s.startIndex + 1] - 48)
        s = s.dropFirst(2)
        return value
    }

    private static func getnum3(_ s: inout ArraySlice<UInt8>, fixed: Bool) throws -> Int {
        var n = 0, i = 0
        while i < 3, isDigit(s, i) {
            n = n * 10 + Int(s[s.startIndex + i] - 48)
            i += 1
        }
        if i == 0 || (fixed && i != 3) { throw Bad() }
        s = s.dropFirst(i)
        return n
    }

    private static func atoi(_ s: ArraySlice<UInt8>) throws -> Int {
        var t = s
        var negative = false
        if let c = t.first, c == 43 || c == 45 { negative = c == 45; t = t.dropFirst() }
        guard !t.isEmpty, t.allSatisfy({ $0 >= 48 && $0 <= 57 }), t.count <= 18 else { throw Bad() }
        let v = t.reduce(0) { $0 * 10 + Int($1 - 48) }
        return negative ? -v : v
    }

    private static func nanoseconds(_ value: ArraySlice<UInt8>, rangeError: inout String) throws -> Int {
        guard let sep = value.first, sep == 46 || sep == 44 else { throw Bad() }
        let digits = value.dropFirst().prefix(9)
        let ns = try atoi(digits)
        if ns < 0 { rangeError = "fractional second"; return 0 }
        var scaled = ns
        for _ in 0..<(9 - digits.count) { scaled *= 10 }
        return scaled
    }

    /// Go's parseTimeZone: the length of a zone abbreviation at the start of `value`.
    private static func timeZoneLength(_ value: ArraySlice<UInt8>) -> Int? {
        let v = Array(value)
        guard v.count >= 3 else { return nil }
        if v.count >= 4, v[0..<4].elementsEqual("ChST".utf8) || v[0..<4].elementsEqual("MeST".utf8) { return 4 }
        if v[0..<3].elementsEqual("GMT".utf8) { return 3 + signedOffsetLength(Array(v[3...])) }
        if v[0] == 43 || v[0] == 45 {
            let n = signedOffsetLength(v)
            return n > 0 ? n : nil
        }
        var upper = 0
        while upper < 6, upper < v.count, v[upper] >= 65, v[upper] <= 90 { upper += 1 }
        switch upper {
        case 3: return 3
        case 4: return v[3] == 84 || v[0..<4].elementsEqual("WITA".utf8) ? 4 : nil
        case 5: return v[4] == 84 ? 5 : nil
        default: return nil
        }
    }

    private static func signedOffsetLength(_ v: [UInt8]) -> Int {
        guard let sign = v.first, sign == 43 || sign == 45 else { return 0 }
        let digits = v.dropFirst().prefix { $0 >= 48 && $0 <= 57 }
        guard !digits.isEmpty, digits.count <= 19 else { return 0 }
        let x = digits.reduce(0) { $0 &* 10 &+ Int($1 - 48) }
        return x > 23 ? 0 : 1 + digits.count
    }
}
