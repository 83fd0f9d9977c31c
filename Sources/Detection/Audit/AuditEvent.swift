import PalisadeCore

/// One Kubernetes audit event (source `k8s_audit`), parsed once; fields are
/// extracted with the semantics of Falco's k8saudit plugin (`ka.*`) and json
/// plugin (`json.*`, `jevt.*`).
public struct AuditEvent: FieldSource, Sendable {
    public let json: AuditJSON
    /// The event time: its `stageTimestamp`.
    public let time: Timestamp
    /// Position in the stream (Falco's `evt.num`), from 1.
    public var number: UInt64

    public init(json: AuditJSON, time: Timestamp, number: UInt64 = 1) {
        self.json = json
        self.time = time
        self.number = number
    }

    public var source: String { "k8s_audit" }
    public var eventType: String? { nil }

    public func extract(_ field: FieldRef) -> FieldValue? {
        let id = field.info.id
        guard id < AuditField.table.count, let kind = AuditField.table[id] else { return nil }
        if case .jsonValue = kind, let pointer = field.jsonPointer {
            return index(at: pointer).map { .string(json.document.text($0)) }
        }
        return extract(kind, argument: field.argument)
    }

    /// The value a pre-parsed pointer designates.
    func value(at pointer: JSONPointer) -> AuditJSON? {
        index(at: pointer).map { AuditJSON(json.document, $0) }
    }

    /// The node index a pointer designates, walked without building values.
    func index(at pointer: JSONPointer) -> Int? {
        let document = json.document
        var current = json.index
        for token in pointer.tokens {
            switch document.nodes[current].kind {
            case .object:
                guard let next = document.member(token.key, inObjectAt: current) else { return nil }
                current = next
            case .array:
                guard let position = token.index, let next = document.element(position, inArrayAt: current) else {
                    return nil
                }
                current = next
            default:
                return nil
            }
        }
        return current
    }

    func extract(_ kind: AuditField, argument: String?) -> FieldValue? {
        switch kind {
        case .eventNumber: return .integer(Int64(truncatingIfNeeded: number))
        case .eventTime: return .string(AlertTime.clock(time))
        case .eventTimeISO8601: return .string(AlertTime.iso8601(time))
        case .eventRawTime: return .integer(time.nanoseconds)
        case .eventSource: return .string("k8s_audit")
        case .pluginName: return .string("k8saudit")
        case .pluginInfo: return .string(json.compactJSON)
        case .jsonValue: return argument.flatMap { value(at: JSONPointer($0)) }.map { .string($0.text) }
        case .jsonObject: return .string(json.indentedJSON)
        case .jsonRawTime: return .string(String(time.nanoseconds))
        default: return AuditExtractor(json: json).extract(kind, argument: argument)
        }
    }
}
