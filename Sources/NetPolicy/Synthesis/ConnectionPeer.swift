/// One end of a declared or observed connection: a workload by name, or
/// addresses outside the cluster.
public enum ConnectionPeer: Sendable, Hashable, CustomStringConvertible {
    /// `ns/name`, optionally with the workload kind (`ns/name[Deployment]`).
    case workload(namespace: String, name: String, kind: String?)
    case addresses(IntervalSet)

    /// Reads `ns/name`, `name` (namespace `default`), `ns/name[Kind]`, an IP,
    /// a CIDR, or an analyzer range `a.b.c.d-e.f.g.h[External]`.
    public init?(parsing raw: String) {
        var text = Substring(raw.trimmingSpaces)
        var kind: String?
        if text.hasSuffix("]"), let open = text.lastIndex(of: "[") {
            kind = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            text = text[..<open]
        }
        if kind == "External" || kind == nil, let addresses = Self.addresses(text) {
            self = .addresses(addresses)
            return
        }
        guard kind != "External", !Self.startsWithAddress(text) else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1 where !parts[0].isEmpty: self = .workload(namespace: "default", name: String(parts[0]), kind: kind)
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty: self = .workload(namespace: String(parts[0]), name: String(parts[1]), kind: kind)
        default: return nil
        }
    }

    private static func addresses(_ text: Substring) -> IntervalSet? {
        if let slash = text.firstIndex(of: "/") {
            // An address before the slash makes it a CIDR, valid or not (never ns/name).
            return IPv4.address(text[..<slash]) == nil ? nil : IPv4.cidr(String(text))
        }
        if let dash = text.firstIndex(of: "-"), let low = IPv4.address(text[..<dash]),
           let high = IPv4.address(text[text.index(after: dash)...]), low <= high {
            return IntervalSet(low, high)
        }
        return IPv4.address(text).map { IntervalSet($0, $0) }
    }

    private static func startsWithAddress(_ text: Substring) -> Bool {
        let head = text.prefix { $0 != "/" && $0 != "-" }
        return IPv4.address(head) != nil
    }

    public var description: String {
        switch self {
        case .workload(let namespace, let name, let kind): return "\(namespace)/\(name)" + (kind.map { "[\($0)]" } ?? "")
        case .addresses(let set): return set.intervals.flatMap(IPv4.cidrs(covering:)).joined(separator: ",")
        }
    }

    /// True when `endpoint` is the workload this peer names.
    func names(_ endpoint: Endpoint) -> Bool {
        guard case .workload(let namespace, let name, let kind) = self, endpoint.kind == .pod else { return false }
        return endpoint.namespace == namespace && endpoint.name == name && (kind == nil || kind == endpoint.workloadKind)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" || c == "\n" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" || c == "\n" { s.removeLast() }
        return String(s)
    }
}
