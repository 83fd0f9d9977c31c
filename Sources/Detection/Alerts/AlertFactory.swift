import Foundation
import PalisadeCore

/// Builds the `Alert` for a rule that matched an event, as Falco formats it:
/// output = `<evt.time>: <Priority> <rendered output>`, `output_fields` = each
/// `%field` of the output (typed, null when missing) plus `evt.time` in ns.
public struct AlertFactory: Sendable {
    public var hostname: String
    public var options: AlertFormatOptions
    static let rawTime = FieldRegistry.standard.resolve("evt.rawtime", argument: nil)

    public init(hostname: String, options: AlertFormatOptions = AlertFormatOptions()) {
        self.hostname = hostname
        self.options = options
    }

    public func alert(rule: CompiledRule, template: OutputTemplate, event: some FieldSource) -> Alert {
        alert(info: RuleAlertInfo(rule), template: template, event: event, stableID: true)
    }

    /// The alert for a rule whose shared parts (`info`) were prepared once.
    func alert<Event: FieldSource>(info: RuleAlertInfo, template: OutputTemplate, event: Event, stableID: Bool) -> Alert {
        let time = Self.time(of: event)
        var fields: [String: Value] = Dictionary(minimumCapacity: template.fieldCount + 1)
        fields["evt.time"] = .int(Int(time.nanoseconds))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        AlertTime.append(time, date: options.timeFormatISO8601, suffix: options.timeFormatISO8601 ? "+0000" : "",
                         into: &bytes)
        bytes.append(contentsOf: info.priorityPrefix)
        for part in template.parts {
            switch part {
            case .text(let literal):
                bytes.append(contentsOf: literal.utf8)
            case .field(let name, let field):
                let value = FieldEvaluator.value(field, event)
                if let value {
                    Self.appendText(value, into: &bytes)
                    fields[name] = AlertValue.json(value)
                } else {
                    bytes.append(contentsOf: "<NA>".utf8)
                    fields[name] = .null
                }
            }
        }
        let output = String(decoding: bytes, as: UTF8.self)
        let id = stableID ? StableID.make([String(time.nanoseconds), info.name, info.source, output]) : info.id(time)
        return Alert(id: id, time: time, rule: info.name, priority: info.priority, source: info.source,
                     output: output, fields: fields, tags: info.tags, hostname: hostname)
    }

    @inline(__always)
    static func appendText(_ value: FieldValue, into bytes: inout [UInt8]) {
        if case .string(let text) = value {
            bytes.append(contentsOf: text.utf8)
        } else {
            bytes.append(contentsOf: AlertValue.text(value).utf8)
        }
    }

    /// The event's `evt.rawtime`, or now when the source has none.
    static func time(of event: some FieldSource) -> Timestamp {
        if let ref = rawTime, case .integer(let ns)? = event.extract(ref) { return Timestamp(nanoseconds: ns) }
        return Timestamp.now
    }
}

/// What every alert of one rule shares, prepared when the engine starts.
struct RuleAlertInfo: Sendable {
    let name: String
    let source: String
    let priority: AlertPriority
    /// `": <Priority> "`, written after the time.
    let priorityPrefix: [UInt8]
    let tags: Set<String>
    /// FNV-1a state after the rule name and source, continued with the time for a cheap id.
    let idSeed: UInt64

    init(_ rule: CompiledRule) {
        name = rule.name
        source = rule.source
        priority = rule.definition.priority
        priorityPrefix = Array(": \(rule.definition.priority.name) ".utf8)
        tags = Set(rule.definition.tags)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [rule.name, rule.source] {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        }
        idSeed = hash
    }

    /// 16 hex digits hashing the rule (name, source) and the event time.
    func id(_ time: Timestamp) -> String {
        var hash = idSeed
        var ns = UInt64(bitPattern: time.nanoseconds)
        for _ in 0..<8 {
            hash = (hash ^ (ns & 0xFF)) &* 0x100_0000_01b3
            ns >>= 8
        }
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 16)
        for index in 0..<16 { out[15 - index] = digits[Int((hash >> (UInt64(index) * 4)) & 0xF)] }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Timestamp {
    static var now: Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(nanoseconds: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
    }
}

/// How Falco prints field values: in the output text, and typed in `output_fields`.
enum AlertValue {
    static func text(_ value: FieldValue) -> String {
        FieldEvaluator.text(value)
    }

    static func json(_ value: FieldValue) -> Value {
        switch value {
        case .string(let text): return .string(text)
        case .integer(let number): return .int(Int(number))
        case .bool(let flag): return .bool(flag)
        case .bytes, .ipAddress: return .string(FieldEvaluator.text(value))
        case .list(let items): return .array(items.map(json))
        }
    }
}
