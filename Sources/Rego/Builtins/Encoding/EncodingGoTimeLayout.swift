/// The elements of a Go time layout ("2006-01-02T15:04:05Z07:00").
enum EncodingGoLayoutElement: Equatable {
    case longMonth, month, numMonth, zeroMonth, longWeekDay, weekDay
    case day, underDay, zeroDay, underYearDay, zeroYearDay
    case hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond
    case longYear, year, pm, pmLower, tz
    case iso8601TZ, iso8601SecondsTZ, iso8601ShortTZ, iso8601ColonTZ, iso8601ColonSecondsTZ
    case numTZ, numSecondsTZ, numShortTZ, numColonTZ, numColonSecondsTZ
    case fracSecond0(digits: Int, separator: UInt8)
    case fracSecond9(digits: Int, separator: UInt8)

    var isISO8601: Bool {
        switch self {
        case .iso8601TZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonTZ, .iso8601ColonSecondsTZ: return true
        default: return false
        }
    }

    var isFraction: Bool {
        switch self {
        case .fracSecond0, .fracSecond9: return true
        default: return false
        }
    }

    /// Go's nextStdChunk: the first layout element at or after `start`,
    /// as (prefix end, element, suffix start).
    static func next(in layout: [UInt8], from start: Int) -> (Int, EncodingGoLayoutElement?, Int) {
        func has(_ i: Int, _ text: String) -> Bool {
            let t = Array(text.utf8)
            return i + t.count <= layout.count && Array(layout[i..<i + t.count]) == t
        }
        func lowerAt(_ i: Int) -> Bool { i < layout.count && layout[i] >= 97 && layout[i] <= 122 }
        func digitAt(_ i: Int) -> Bool { i < layout.count && layout[i] >= 48 && layout[i] <= 57 }
        var i = start
        while i < layout.count {
            switch layout[i] {
            case UInt8(ascii: "J"):
                if has(i, "January") { return (i, .longMonth, i + 7) }
                if has(i, "Jan"), !lowerAt(i + 3) { return (i, .month, i + 3) }
            case UInt8(ascii: "M"):
                if has(i, "Monday") { return (i, .longWeekDay, i + 6) }
                if has(i, "Mon"), !lowerAt(i + 3) { return (i, .weekDay, i + 3) }
                if has(i, "MST") { return (i, .tz, i + 3) }
            case UInt8(ascii: "0"):
                if i + 1 < layout.count, layout[i + 1] >= 49, layout[i + 1] <= 54 {
                    let std: [EncodingGoLayoutElement] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]
                    return (i, std[Int(layout[i + 1] - 49)], i + 2)
                }
                if has(i, "002") { return (i, .zeroYearDay, i + 3) }
            case UInt8(ascii: "1"):
                if has(i, "15") { return (i, .hour, i + 2) }
                return (i, .numMonth, i + 1)
            case UInt8(ascii: "2"):
                if has(i, "2006") { return (i, .longYear, i + 4) }
                return (i, .day, i + 1)
            case UInt8(ascii: "_"):
                if has(i, "_2") {
                    if has(i + 1, "2006") { return (i + 1, .longYear, i + 5) }
                    return (i, .underDay, i + 2)
                }
                if has(i, "__2") { return (i, .underYearDay, i + 3) }
            case UInt8(ascii: "3"): return (i, .hour12, i + 1)
            case UInt8(ascii: "4"): return (i, .minute, i + 1)
            case UInt8(ascii: "5"): return (i, .second, i + 1)
            case UInt8(ascii: "P"):
                if has(i, "PM") { return (i, .pm, i + 2) }
            case UInt8(ascii: "p"):
                if has(i, "pm") { return (i, .pmLower, i + 2) }
            case UInt8(ascii: "-"):
                if has(i, "-070000") { return (i, .numSecondsTZ, i + 7) }
                if has(i, "-07:00:00") { return (i, .numColonSecondsTZ, i + 9) }
                if has(i, "-0700") { return (i, .numTZ, i + 5) }
                if has(i, "-07:00") { return (i, .numColonTZ, i + 6) }
                if has(i, "-07") { return (i, .numShortTZ, i + 3) }
            case UInt8(ascii: "Z"):
                if has(i, "Z070000") { return (i, .iso8601SecondsTZ, i + 7) }
                if has(i, "Z07:00:00") { return (i, .iso8601ColonSecondsTZ, i + 9) }
                if has(i, "Z0700") { return (i, .iso8601TZ, i + 5) }
                if has(i, "Z07:00") { return (i, .iso8601ColonTZ, i + 6) }
                if has(i, "Z07") { return (i, .iso8601ShortTZ, i + 3) }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if i + 1 < layout.count, layout[i + 1] == 48 || layout[i + 1] == 57 {
                    let ch = layout[i + 1]
                    var j = i + 1
                    while j < layout.count, layout[j] == ch { j += 1 }
                    if !digitAt(j) {
                        let n = j - (i + 1)
                        let element: EncodingGoLayoutElement = ch == 57
                            ? .fracSecond9(digits: n, separator: layout[i])
                            : .fracSecond0(digits: n, separator: layout[i])
                        return (i, element, j)
                    }
                }
            default:
                break
            }
            i += 1
        }
        return (layout.count, nil, layout.count)
    }

    /// Named layouts OPA accepts in place of a layout string.
    static let namedLayouts: [String: String] = [
        "ANSIC": "Mon Jan _2 15:04:05 2006",
        "UnixDate": "Mon Jan _2 15:04:05 MST 2006",
        "RubyDate": "Mon Jan 02 15:04:05 -0700 2006",
        "RFC822": "02 Jan 06 15:04 MST",
        "RFC822Z": "02 Jan 06 15:04 -0700",
        "RFC850": "Monday, 02-Jan-06 15:04:05 MST",
        "RFC1123": "Mon, 02 Jan 2006 15:04:05 MST",
        "RFC1123Z": "Mon, 02 Jan 2006 15:04:05 -0700",
        "RFC3339": "2006-01-02T15:04:05Z07:00",
        "RFC3339Nano": "2006-01-02T15:04:05.999999999Z07:00",
    ]
}

/// Go's Time.Format.
enum EncodingGoTimeFormatter {
    static func format(_ t: EncodingGoTime, layout layoutText: String) -> String {
        let layout = Array(layoutText.utf8)
        let (zoneName, offset) = t.zoneInfo
        let (year, month, day) = t.date
        let (hour, minute, second) = t.clock
        var out: [UInt8] = []
        func append(_ s: String) { out += Array(s.utf8) }
        func appendInt(_ x: Int64, _ width: Int) {
            var digits = String(x.magnitude)
            if digits.count < width { digits = String(repeating: "0", count: width - digits.count) + digits }
            append((x < 0 ? "-" : "") + digits)
        }
        var start = 0
        while start < layout.count {
            let (prefixEnd, element, suffix) = EncodingGoLayoutElement.next(in: layout, from: start)
            out += layout[start..<prefixEnd]
            guard let element else { break }
            start = suffix
            switch element {
            case .year: appendInt(abs(year) % 100, 2)
            case .longYear: appendInt(year, 4)
            case .month: append(String(EncodingGoTime.monthNames[month - 1].prefix(3)))
            case .longMonth: append(EncodingGoTime.monthNames[month - 1])
            case .numMonth: appendInt(Int64(month), 0)
            case .zeroMonth: appendInt(Int64(month), 2)
            case .weekDay: append(String(EncodingGoTime.weekdayNames[t.weekday].prefix(3)))
            case .longWeekDay: append(EncodingGoTime.weekdayNames[t.weekday])
            case .day: appendInt(Int64(day), 0)
            case .underDay:
                if day < 10 { append(" ") }
                appendInt(Int64(day), 0)
            case .zeroDay: appendInt(Int64(day), 2)
            case .underYearDay:
                let yday = t.yearDay
                if yday < 100 { append(yday < 10 ? "  " : " ") }
                appendInt(Int64(yday), 0)
            case .zeroYearDay: appendInt(Int64(t.yearDay), 3)
            case .hour: appendInt(Int64(hour), 2)
            case .hour12: appendInt(Int64(hour % 12 == 0 ? 12 : hour % 12), 0)
            case .zeroHour12: appendInt(Int64(hour % 12 == 0 ? 12 : hour % 12), 2)
            case .minute: appendInt(Int64(minute), 0)
            case .zeroMinute: appendInt(Int64(minute), 2)
            case .second: appendInt(Int64(second), 0)
            case .zeroSecond: appendInt(Int64(second), 2)
            case .pm: append(hour >= 12 ? "PM" : "AM")
            case .pmLower: append(hour >= 12 ? "pm" : "am")
            case .tz:
                if !zoneName.isEmpty { append(zoneName); break }
                let zone = offset / 60
                append(zone < 0 ? "-" : "+")
                appendInt(Int64(abs(zone) / 60), 2)
                appendInt(Int64(abs(zone) % 60), 2)
            case .fracSecond0(let digits, let separator), .fracSecond9(let digits, let separator):
                appendFraction(t.nanos, digits: digits, separator: separator, trim: element != .fracSecond0(digits: digits, separator: separator), into: &out)
            default:
                appendZone(offset, element, into: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendZone(_ offset: Int, _ element: EncodingGoLayoutElement, into out: inout [UInt8]) {
        if offset == 0, element.isISO8601 { out.append(UInt8(ascii: "Z")); return }
        let zone = abs(offset) / 60
        var s = offset < 0 ? "-" : "+"
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        s += two(zone / 60)
        let colon: Bool, short: Bool, seconds: Bool
        switch element {
        case .iso8601ColonTZ, .numColonTZ: (colon, short, seconds) = (true, false, false)
        case .iso8601ColonSecondsTZ, .numColonSecondsTZ: (colon, short, seconds) = (true, false, true)
        case .iso8601ShortTZ, .numShortTZ: (colon, short, seconds) = (false, true, false)
        case .iso8601SecondsTZ, .numSecondsTZ: (colon, short, seconds) = (false, false, true)
        default: (colon, short, seconds) = (false, false, false)
        }
        if colon { s += ":" }
        if !short { s += two(zone % 60) }
        if seconds {
            if colon { s += ":" }
            s += two(abs(offset) % 60)
        }
        out += Array(s.utf8)
    }

    private static func appendFraction(_ nanos: Int64, digits: Int, separator: UInt8, trim: Bool, into out: inout [UInt8]) {
        if trim && (digits == 0 || nanos == 0) { return }
        var text = Array(String(nanos).utf8)
        text = [UInt8](repeating: 48, count: max(0, 9 - text.count)) + text
        if digits < 9 { text = Array(text.prefix(digits)) }
        if trim { while text.last == 48 { text.removeLast() } }
        if trim && text.isEmpty { return }
        out.append(separator)
        out += text
    }
}
