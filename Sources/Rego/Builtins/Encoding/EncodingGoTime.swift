import Foundation

/// An instant with a zone, modelled on Go's time.Time.
struct EncodingGoTime: Sendable {
    /// Seconds since the Unix epoch (UTC).
    var unix: Int64
    /// Nanoseconds within the second, 0..<1e9.
    var nanos: Int64
    var zone: EncodingGoZone

    static let minNanos = Int64.min
    static let maxNanos = Int64.max

    init(unix: Int64, nanos: Int64, zone: EncodingGoZone) {
        self.unix = unix
        self.nanos = nanos
        self.zone = zone
    }

    init(unixNanos: Int64, zone: EncodingGoZone) {
        let (q, r) = EncodingGoCalendar.floorDivMod(unixNanos, 1_000_000_000)
        self.init(unix: q, nanos: r, zone: zone)
    }

    /// Unix nanoseconds, or nil outside the range an Int64 can hold.
    var unixNanos: Int64? {
        let (scaled, o1) = unix.multipliedReportingOverflow(by: 1_000_000_000)
        let (sum, o2) = scaled.addingReportingOverflow(nanos)
        if !o1 && !o2 { return sum }
        // The bottom of the range needs the sum computed in the other order.
        if unix == -9_223_372_037, nanos >= 145_224_192 { return Int64.min + (nanos - 145_224_192) }
        return nil
    }

    var zoneInfo: (name: String, offset: Int) { zone.lookup(unix) }

    /// Local wall-clock seconds since the epoch.
    var localSeconds: Int64 { unix + Int64(zoneInfo.offset) }

    var days: Int64 { EncodingGoCalendar.floorDivMod(localSeconds, 86400).0 }

    var date: (year: Int64, month: Int, day: Int) { EncodingGoCalendar.civil(fromDays: days) }

    var clock: (hour: Int, minute: Int, second: Int) {
        let secs = Int(EncodingGoCalendar.floorDivMod(localSeconds, 86400).1)
        return (secs / 3600, secs % 3600 / 60, secs % 60)
    }

    /// 0 = Sunday.
    var weekday: Int { Int(EncodingGoCalendar.floorDivMod(days + 4, 7).1) }

    /// Day of the year, 1-based.
    var yearDay: Int {
        let year = date.year
        return Int(days - EncodingGoCalendar.days(fromCivil: year, 1, 1)) + 1
    }

    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// Go's time.Date: normalizes overflowing fields, then resolves the zone offset.
    /// Returns nil when the arithmetic overflows.
    static func make(year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64,
                     nanos: Int64, zone: EncodingGoZone) -> EncodingGoTime? {
        var (y, m) = (year, month - 1)
        guard EncodingGoCalendar.normalize(&y, &m, 12) else { return nil }
        var (sec, ns) = (second, nanos)
        var (min, hr, d) = (minute, hour, day)
        guard EncodingGoCalendar.normalize(&sec, &ns, 1_000_000_000),
              EncodingGoCalendar.normalize(&min, &sec, 60),
              EncodingGoCalendar.normalize(&hr, &min, 60),
              EncodingGoCalendar.normalize(&d, &hr, 24),
              abs(y) < 1 << 30, abs(d) < 1 << 40 else { return nil }
        let days = EncodingGoCalendar.days(fromCivil: y, Int(m) + 1, 1) + d - 1
        var local = days * 86400 + hr * 3600 + min * 60 + sec
        let offset = zone.lookup(local).offset
        if offset != 0 {
            local -= Int64(zone.lookup(local - Int64(offset)).offset)
        }
        return EncodingGoTime(unix: local, nanos: ns, zone: zone)
    }

    /// Go's Time.AddDate.
    func addingDate(years: Int, months: Int, days: Int) -> EncodingGoTime? {
        let (y, m, d) = date
        let (h, mi, s) = clock
        let (ny, o1) = y.addingReportingOverflow(Int64(years))
        let (nm, o2) = Int64(m).addingReportingOverflow(Int64(months))
        let (nd, o3) = Int64(d).addingReportingOverflow(Int64(days))
        guard !o1, !o2, !o3, abs(nm) < 1 << 50 else { return nil }
        return Self.make(year: ny, month: nm, day: nd, hour: Int64(h), minute: Int64(mi),
                         second: Int64(s), nanos: nanos, zone: zone)
    }

    func inZone(_ zone: EncodingGoZone) -> EncodingGoTime {
        EncodingGoTime(unix: unix, nanos: nanos, zone: zone)
    }
}

/// Proleptic Gregorian calendar arithmetic on day counts since 1970-01-01.
enum EncodingGoCalendar {
    static func floorDivMod(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        var q = a / b, r = a % b
        if r < 0 { q -= 1; r += b }
        return (q, r)
    }

    /// Go's norm: moves multiples of `base` from `lo` into `hi`.
    static func normalize(_ hi: inout Int64, _ lo: inout Int64, _ base: Int64) -> Bool {
        let (q, r) = floorDivMod(lo, base)
        let (sum, overflow) = hi.addingReportingOverflow(q)
        guard !overflow else { return false }
        hi = sum
        lo = r
        return true
    }

    static func days(fromCivil year: Int64, _ month: Int, _ day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays days: Int64) -> (year: Int64, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        let y = yoe + era * 400
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func isLeap(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int64) -> Int {
        if month == 2 { return isLeap(year) ? 29 : 28 }
        return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][(month - 1 + 12) % 12]
    }

    /// Days before the first of `month` in a non-leap year.
    static func daysBefore(month: Int) -> Int {
        var total = 0
        for m in 1..<max(1, month) { total += daysIn(month: m, year: 1) }
        return total
    }
}
