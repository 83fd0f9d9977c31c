/// The data type of a field, which decides the operators it supports and how
/// a constant on the right of a comparison is parsed (libsinsp `PT_*` types).
public enum FieldType: String, Sendable, Hashable, CaseIterable {
    case string
    /// Signed or unsigned integers, ports, pids, uids, fds, flags.
    case integer
    case bool
    case ipAddress
    case ipNetwork
    /// Epoch timestamp in nanoseconds.
    case absTime
    /// Duration in nanoseconds.
    case relTime
    /// Raw bytes (e.g. `evt.buffer`).
    case bytes
    case double

    /// Whether values of this type are compared as numbers.
    public var isNumeric: Bool {
        switch self {
        case .integer, .absTime, .relTime, .double: return true
        default: return false
        }
    }
}

/// Whether a field takes an argument in brackets, e.g. `proc.aname[2]`.
public enum FieldArgument: Sendable, Hashable {
    case none
    case optional
    case required
}
