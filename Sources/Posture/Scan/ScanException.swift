import Kube
import PalisadeCore

/// One accepted risk: failures of matching controls on matching objects are
/// reported as exempted (with the justification) until the exception expires.
public struct ScanException: Sendable, Hashable {
    /// Where the exception was declared.
    public enum Origin: Sendable, Hashable {
        /// An entry of an exceptions file, at file:line.
        case file(SourceLocation)
        /// The `palisade.io/exempt` annotation of the object itself.
        case annotation(ResourceRef)
    }

    /// Control id or glob (`PAL-001`, `PAL-0*`, `*`).
    public var control: GlobPattern
    public var kind: GlobPattern?
    public var namespace: GlobPattern?
    public var name: GlobPattern?
    public var justification: String
    /// The date or time as written (`2027-03-31`), nil when it never expires.
    public var expiresText: String?
    /// The first instant at which the exception no longer applies: the day
    /// after a date (an exception is valid through its whole expiry day, UTC),
    /// or the exact time when one is given.
    public var validUntil: Timestamp?
    public var origin: Origin

    public init(control: GlobPattern, kind: GlobPattern? = nil, namespace: GlobPattern? = nil, name: GlobPattern? = nil,
                justification: String, expiresText: String? = nil, validUntil: Timestamp? = nil, origin: Origin) {
        self.control = control
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.justification = justification
        self.expiresText = expiresText
        self.validUntil = validUntil
        self.origin = origin
    }

    public func isExpired(at now: Timestamp) -> Bool {
        guard let validUntil else { return false }
        return now >= validUntil
    }

    /// True when the exception covers `controlID` on `object` (expiry aside).
    /// An absent namespace matches the glob as the empty string.
    public func covers(controlID: String, object: KubeObject) -> Bool {
        if case .annotation(let ref) = origin, ref != object.ref { return false }
        guard control.matches(controlID) else { return false }
        if let kind, !kind.matches(object.kind) { return false }
        if let namespace, !namespace.matches(object.namespace ?? "") { return false }
        if let name, !name.matches(object.name) { return false }
        return true
    }

    /// The exemption a finding carries.
    public var exemption: Exemption {
        Exemption(justification: justification, expires: validUntil, source: sourceText)
    }

    /// `file:line` of the entry, or `annotation palisade.io/exempt`.
    public var sourceText: String {
        switch origin {
        case .file(let location): return "\(location.file):\(location.line)"
        case .annotation: return "annotation \(ExceptionAnnotations.exempt)"
        }
    }

    /// `control PAL-001 on kind=DaemonSet namespace=kube-system name=cilium*`.
    public var summary: String {
        var parts = ["control \(control)"]
        let match = [("kind", kind), ("namespace", namespace), ("name", name)].compactMap { key, glob in glob.map { "\(key)=\($0)" } }
        if !match.isEmpty { parts.append("on " + match.joined(separator: " ")) }
        return parts.joined(separator: " ")
    }

    public func toValue() -> Value {
        var fields: [String: Value] = ["control": .string(control.text), "justification": .string(justification), "source": .string(sourceText)]
        var match: [String: Value] = [:]
        if let kind { match["kind"] = .string(kind.text) }
        if let namespace { match["namespace"] = .string(namespace.text) }
        if let name { match["name"] = .string(name.text) }
        if !match.isEmpty { fields["match"] = .object(fields: match) }
        if let expiresText { fields["expires"] = .string(expiresText) }
        return .object(fields: fields)
    }

    /// Parses an expiry: `YYYY-MM-DD` (valid through that day, UTC) or an RFC 3339 time.
    static func validUntil(parsing text: String) -> Timestamp? {
        guard let instant = Timestamp(parsing: text) else { return nil }
        let isDateOnly = text.trimmingSpaces.count == 10
        return isDateOnly ? Timestamp(nanoseconds: instant.nanoseconds + 86_400 * 1_000_000_000) : instant
    }
}
