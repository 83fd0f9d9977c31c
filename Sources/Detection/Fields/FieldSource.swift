/// A field reference resolved by the compiler: the registry entry plus the
/// argument written in brackets (`proc.aname[2]` → "2"), or the name suffix of
/// dynamic fields (`evt.arg.flags` → argument "flags").
public struct FieldRef: Sendable, Hashable, CustomStringConvertible {
    /// The name as written, without the argument.
    public var name: String
    public var argument: String?
    public var info: FieldInfo
    /// The argument parsed as a JSON pointer, for `json.value`/`jevt.value`.
    public let jsonPointer: JSONPointer?

    public init(name: String, argument: String?, info: FieldInfo) {
        self.name = name
        self.argument = argument
        self.info = info
        jsonPointer = argument.flatMap { JSONPointer.applies(to: info.name) ? JSONPointer($0) : nil }
    }

    /// The field as written: `proc.aname[2]`, or `evt.arg.flags` for dynamic names.
    public var description: String {
        guard let argument, name == info.name else { return name }
        return "\(name)[\(argument)]"
    }
}

/// A typed value extracted from an event.
public enum FieldValue: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case bytes([UInt8])
    /// IPv4 (4 bytes) or IPv6 (16 bytes) address.
    case ipAddress([UInt8])
    /// Several values (plugin list fields).
    case list([FieldValue])
}

/// An event as the evaluator sees it. A sensor or an audit-log reader
/// implements it; `extract` returns nil when the field has no value for the
/// event (Falco's `<NA>`), in which case every comparison but `exists` is false.
public protocol FieldSource {
    /// The event source name (`syscall`, `k8s_audit`, …).
    var source: String { get }
    /// The event type (`openat`, `execve`, …) used for rule dispatch; nil when
    /// the source has no event types.
    var eventType: String? { get }
    func extract(_ field: FieldRef) -> FieldValue?
}
