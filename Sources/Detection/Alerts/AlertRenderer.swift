import PalisadeCore

/// Prints alerts the way Falco does: one JSON object per line with keys in
/// Falco's order (`hostname`, `output`, `output_fields`, `priority`, `rule`,
/// `source`, `tags`, `time`), or the text line `<time>: <Priority> <output>`.
public struct AlertRenderer: Sendable {
    public var options: AlertFormatOptions

    public init(options: AlertFormatOptions = AlertFormatOptions()) {
        self.options = options
    }

    /// Text output: the output line itself (it already carries time and priority).
    public func text(_ alert: Alert) -> String {
        alert.output
    }

    public func json(_ alert: Alert) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(alert.output.utf8.count * 2 + 256)
        out.append(UInt8(ascii: "{"))
        Self.key("hostname", first: true, &out); AuditJSON.writeString(alert.hostname ?? "", into: &out)
        if options.includeMessage { Self.key("message", &out); AuditJSON.writeString(message(alert), into: &out) }
        if options.includeOutput { Self.key("output", &out); AuditJSON.writeString(alert.output, into: &out) }
        if options.includeOutputFields { Self.key("output_fields", &out); Self.write(fields: alert.fields, into: &out) }
        Self.key("priority", &out); AuditJSON.writeString(alert.priority.name, into: &out)
        Self.key("rule", &out); AuditJSON.writeString(alert.rule, into: &out)
        Self.key("source", &out); AuditJSON.writeString(alert.source, into: &out)
        if options.includeTags {
            Self.key("tags", &out)
            out.append(UInt8(ascii: "["))
            for (index, tag) in alert.tags.sorted(by: Self.bytewise).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                AuditJSON.writeString(tag, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        Self.key("time", &out)
        out.append(UInt8(ascii: "\""))
        AlertTime.append(alert.time, date: true, suffix: "Z", into: &out)
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func key(_ name: StaticString, first: Bool = false, _ out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    /// The output without its `<time>: <Priority> ` prefix.
    func message(_ alert: Alert) -> String {
        let marker = ": \(alert.priority.name) "
        guard let range = alert.output.range(of: marker) else { return alert.output }
        return String(alert.output[range.upperBound...])
    }

    /// nlohmann's std::map order: keys compared as bytes.
    static func bytewise(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    static func write(fields: [String: Value], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (index, key) in fields.keys.sorted(by: bytewise).enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            AuditJSON.writeString(key, into: &out)
            out.append(UInt8(ascii: ":"))
            write(fields[key] ?? .null, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Compact JSON with object keys sorted bytewise.
    static func write(_ value: Value, into out: inout [UInt8]) {
        switch value {
        case .object(let members):
            var fields: [String: Value] = [:]
            for (key, member) in members { if let name = key.stringValue { fields[name] = member } }
            write(fields: fields, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .string(let text): AuditJSON.writeString(text, into: &out)
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        default: out.append(contentsOf: JSONWriter.string(value).utf8)
        }
    }
}
