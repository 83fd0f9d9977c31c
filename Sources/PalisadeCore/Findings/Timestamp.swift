/// A point in time with nanosecond precision (UTC), as runtime events carry it.
///
/// Formats as RFC 3339 (`2024-05-01T12:00:00.123456789Z`) without depending on
/// the process time zone or locale, so reports stay byte-identical.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    public init(seconds: Int64) { self.nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000).partialValue }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// RFC 3339 in UTC; the fraction is printed only when non-zero, with all nine digits.
    public var rfc3339: String {
        let (seconds, nanos) = Self.split(nanoseconds)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        var text = "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T"
        text += "\(Self.pad(secondOfDay / 3600, 2)):\(Self.pad(secondOfDay / 60 % 60, 2)):\(Self.pad(secondOfDay % 60, 2))"
        if nanos != 0 { text += "." + Self.pad(nanos, 9) }
        return text + "Z"
    }

    public var description: String { rfc3339 }

    /// Parses `YYYY-MM-DD` (midnight UTC) or RFC 3339 date-time with an optional
    /// fraction and a `Z` or `±HH:MM` offset. Returns nil for anything else.
    public init?(parsing text: String) {
        var parser = TimestampParser(Array(text.findingsTrimmed.utf8))
        guard let parsed = parser.parse() else { return nil }
        self = parsed
    }

    private static func split(_ ns: Int64) -> (Int64, Int64) {
        var seconds = ns / 1_000_000_000, nanos = ns % 1_000_000_000
        if nanos < 0 { seconds -= 1; nanos += 1_000_000_000 }
        return (seconds, nanos)
    }

    private static func pad(_ n: Int64, _ width: Int) -> String {
        let digits = String(n < 0 ? -n : n)
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return n < 0 ? "-" + padded : padded
    }

    /// Howard Hinnant's `civil_from_days`: days since the epoch to a proleptic
    /// Gregorian (year, month, day).
    public static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Howard Hinnant's `days_from_civil`: a proleptic Gregorian date to days since the epoch.
    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// Reads the RFC 3339 subset `Timestamp(parsing:)` accepts.
private struct TimestampParser {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parse() -> Timestamp? {
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
              (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        let dayNumber = Timestamp.days(year: year, month: month, day: day)
        if index == bytes.count { return Timestamp(seconds: dayNumber * 86_400) }
        guard expect("T") || expect("t") || expect(" "), let hour = digits(2), expect(":"), let minute = digits(2),
              expect(":"), let second = digits(2), hour < 24, minute < 60, second < 61 else { return nil }
        let nanos = fraction()
        guard let offset = zone(), index == bytes.count else { return nil }
        let seconds = dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Timestamp(nanoseconds: seconds * 1_000_000_000 + nanos)
    }

    private mutating func digits(_ count: Int) -> Int64? {
        guard index + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for b in bytes[index..<index + count] {
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int64(b - 48)
        }
        index += count
        return value
    }

    private mutating func expect(_ c: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(c.value) else { return false }
        index += 1
        return true
    }

    private mutating func fraction() -> Int64 {
        guard expect(".") else { return 0 }
        var value: Int64 = 0, count = 0
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            if count < 9 { value = value * 10 + Int64(bytes[index] - 48); count += 1 }
            index += 1
        }
        for _ in count..<9 { value *= 10 }
        return value
    }

    private mutating func zone() -> Int64? {
        if expect("Z") || expect("z") { return 0 }
        let sign: Int64
        if expect("+") { sign = 1 } else if expect("-") { sign = -1 } else { return nil }
        guard let hours = digits(2), expect(":"), let minutes = digits(2), hours < 24, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
