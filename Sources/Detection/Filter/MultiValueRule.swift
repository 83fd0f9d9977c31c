/// How a comparison treats a left side that yields several values, following
/// libsinsp (filter/checks/thread.cpp `compare_full_a*`, filter/checks/fd.cpp
/// `compare_ip`/`compare_net`/`compare_port`, sinsp_filtercheck.cpp `compare_rhs_multi`).
public enum MultiValueRule: Sendable, Hashable {
    /// A list field (libsinsp EPF_IS_LIST: `fd.types`, `ka.user.groups`…):
    /// `in` needs every value in the set, `intersects` one of them.
    case list
    /// Ancestor fields without an index (`proc.aname`, `proc.apid`, `proc.aexe`,
    /// `proc.aexepath`, `proc.acmdline`): true when any ancestor satisfies the
    /// operator, whatever the operator (`!=` included: some ancestor differs).
    case anyValue
    /// Both ends of a connection (`fd.ip`, `fd.net`, `fd.port`, `fd.proto`):
    /// true when either end satisfies `=`, `in` or an ordering, while `!=` needs
    /// both ends to differ.
    case connectionEnds

    static let connectionFields: Set<String> = ["fd.ip", "fd.net", "fd.port", "fd.proto"]

    /// The rule for a compiled left side.
    init(_ field: CompiledField) {
        if field.isList {
            self = .list
        } else if case .field(let ref) = field, Self.connectionFields.contains(ref.info.name) {
            self = .connectionEnds
        } else {
            self = .anyValue
        }
    }
}
