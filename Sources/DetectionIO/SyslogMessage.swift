import PalisadeCore

/// Syslog wire formats: RFC 5424 or the BSD format of RFC 3164.
public enum SyslogFormat: String, Sendable {
    case rfc5424
    case rfc3164
}

/// Builds one syslog message for an alert. Falco's priorities are the syslog
/// severities (emergency 0 … debug 7), so the mapping is direct.
struct SyslogMessage {
    var format: SyslogFormat
    var facility: Int
    var hostname: String?
    var appName: String
    var processID: Int32
    var maxBytes: Int

    static func severity(of priority: AlertPriority) -> Int {
        AlertPriority.emergency.rawValue - priority.rawValue
    }

    func render(priority: AlertPriority, time: Timestamp, text: String) -> [UInt8] {
        let pri = facility * 8 + Self.severity(of: priority)
        let header: String
        switch format {
        case .rfc5424:
            header = "<\(pri)>1 \(time.rfc3339) \(field(hostname)) \(field(appName)) \(processID) - - "
        case .rfc3164:
            let host = hostname.map { $0 + " " } ?? ""
            header = "<\(pri)>\(Self.bsdTimestamp(time)) \(host)\(appName)[\(processID)]: "
        }
        let bytes = Array((header + text).utf8)
        return bytes.count > maxBytes ? Array(bytes.prefix(maxBytes)) : bytes
    }

    /// RFC 5424 header fields: printable ASCII, no spaces, `-` when empty.
    private func field(_ value: String?) -> String {
        let cleaned = String((value ?? "").unicodeScalars.filter { $0.value > 32 && $0.value < 127 }.prefix(48).map(Character.init))
        return cleaned.isEmpty ? "-" : cleaned
    }

    /// `Mmm dd hh:mm:ss` (day padded with a space), in UTC.
    static func bsdTimestamp(_ time: Timestamp) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let text = Array(time.rfc3339)
        guard text.count >= 19, let month = Int(String(text[5...6])), (1...12).contains(month),
              let day = Int(String(text[8...9])) else { return "Jan  1 00:00:00" }
        let dayText = day < 10 ? " \(day)" : "\(day)"
        return "\(months[month - 1]) \(dayText) \(String(text[11...18]))"
    }
}
