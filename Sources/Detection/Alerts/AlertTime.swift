import PalisadeCore

/// The time formats of Falco's alerts, all in UTC, written digit by digit
/// (no interpolation, no Foundation): they are formatted for every alert.
public enum AlertTime {
    /// `evt.time`: `HH:MM:SS.nnnnnnnnn`.
    public static func clock(_ time: Timestamp) -> String { string(time, date: false, suffix: "") }

    /// `evt.time.iso8601` and the prefix with `time_format_iso_8601`:
    /// `2023-05-25T13:44:05.478445995+0000`.
    public static func iso8601(_ time: Timestamp) -> String { string(time, date: true, suffix: "+0000") }

    /// The JSON `time` key: RFC 3339 with nine fraction digits and `Z`.
    public static func rfc3339(_ time: Timestamp) -> String { string(time, date: true, suffix: "Z") }

    static func string(_ time: Timestamp, date: Bool, suffix: StaticString) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(40)
        append(time, date: date, suffix: suffix, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `[YYYY-MM-DDT]HH:MM:SS.nnnnnnnnn<suffix>`.
    static func append(_ time: Timestamp, date: Bool, suffix: StaticString, into out: inout [UInt8]) {
        var seconds = time.nanoseconds / 1_000_000_000
        var nanos = time.nanoseconds % 1_000_000_000
        if nanos < 0 { seconds -= 1; nanos += 1_000_000_000 }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        if date {
            let (year, month, day) = Timestamp.civil(fromDays: days)
            if year < 0 { out.append(UInt8(ascii: "-")) }
            appendDigits(abs(year), 4, into: &out)
            out.append(UInt8(ascii: "-"))
            appendDigits(month, 2, into: &out)
            out.append(UInt8(ascii: "-"))
            appendDigits(day, 2, into: &out)
            out.append(UInt8(ascii: "T"))
        }
        appendDigits(secondOfDay / 3600, 2, into: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, 2, into: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, 2, into: &out)
        out.append(UInt8(ascii: "."))
        appendDigits(nanos, 9, into: &out)
        suffix.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// `value` (non-negative) in decimal, zero-padded to at least `width` digits.
    static func appendDigits(_ value: Int64, _ width: Int, into out: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                count += 1
            } while rest > 0 && count < 20
            while count < width && count < 20 { buffer[count] = UInt8(ascii: "0"); count += 1 }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }
}
