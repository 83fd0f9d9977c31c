import PalisadeCore

/// Number and date text with fixed precision, so reports are byte-stable
/// across platforms and locales (no `String(format:)`, no locale).
enum ReportNumber {
    /// A score rounded to hundredths, in hundredths (`83.333…` → 8333); clamped to 0...100 %.
    static func hundredths(_ score: Double) -> Int {
        guard score.isFinite else { return 0 }
        return Int((min(max(score, 0), 100) * 100).rounded(.toNearestOrAwayFromZero))
    }

    /// `83.33`: always two decimals.
    static func fixed(_ score: Double) -> String {
        let value = hundredths(score)
        let fraction = String(value % 100)
        return "\(value / 100)." + (fraction.count < 2 ? "0" + fraction : fraction)
    }

    /// `83.33%`, or `n/a` for a control that applied to no resource.
    static func percent(_ score: Double?) -> String {
        guard let score else { return "n/a" }
        return fixed(score) + "%"
    }

    /// The score rounded to hundredths as a JSON number (`83.33`, `100`); null when absent.
    static func jsonValue(_ score: Double?) -> Value {
        guard let score else { return .null }
        let value = hundredths(score)
        if value % 100 == 0 { return .int(value / 100) }
        return .number(Number(Double(value) / 100))
    }

    /// An expiry as a date when it is midnight UTC (`2027-03-31`), otherwise full RFC 3339.
    static func date(_ time: Timestamp) -> String {
        let text = time.rfc3339
        return text.hasSuffix("T00:00:00Z") ? String(text.dropLast(10)) : text
    }
}
