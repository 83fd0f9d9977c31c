import PalisadeCore

/// ANSI styling for the table report; every method returns the text unchanged when colour is off.
struct TableStyle {
    let color: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func cyan(_ text: String) -> String { wrap(text, "36") }

    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .critical: return wrap(text, "1;31")
        case .high: return wrap(text, "31")
        case .medium: return wrap(text, "33")
        case .low: return wrap(text, "36")
        case .info: return wrap(text, "2")
        }
    }

    /// Red below 50 %, yellow below 80 %, green from 80 %.
    func score(_ score: Double?) -> String {
        let text = ReportNumber.percent(score)
        guard let score else { return dim(text) }
        if score < 50 { return red(text) }
        return score < 80 ? yellow(text) : green(text)
    }

    private func wrap(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// Pads with spaces to `width` characters (before styling, so ANSI codes do not count).
    func reportPadded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
