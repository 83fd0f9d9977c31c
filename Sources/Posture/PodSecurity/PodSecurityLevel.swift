/// A Pod Security Standards profile, from least to most restrictive.
///
/// `privileged` has no checks; `baseline` prevents known privilege
/// escalations; `restricted` adds the current pod-hardening practices.
public enum PodSecurityLevel: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case privileged
    case baseline
    case restricted

    /// Parses a level exactly as the `pod-security.kubernetes.io/*` labels
    /// spell it (lower case); nil for anything else.
    public init?(parsing text: String) {
        self.init(rawValue: text)
    }

    public var description: String { rawValue }
}
