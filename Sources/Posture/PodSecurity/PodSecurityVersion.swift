/// A Pod Security Standards policy version: `v1.<minor>` or `latest`.
///
/// A version names the policy as it was defined in that Kubernetes minor
/// release; `latest` always means the newest definition this build knows.
public struct PodSecurityVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The minor version, or nil for `latest`.
    public let minor: Int?

    /// The newest policy definition.
    public static let latest = PodSecurityVersion(minor: nil)

    /// The largest minor accepted when parsing (guards against absurd input).
    static let parseLimit = 1_000_000

    /// `v1.<minor>`.
    public static func v1(_ minor: Int) -> PodSecurityVersion {
        PodSecurityVersion(minor: max(0, minor))
    }

    private init(minor: Int?) { self.minor = minor }

    /// Parses `latest` or `v1.<minor>` (no leading zeros), as the
    /// `pod-security.kubernetes.io/*-version` labels do; nil otherwise.
    public init?(parsing text: String) {
        if text == "latest" {
            self.init(minor: nil)
            return
        }
        guard text.hasPrefix("v1."), text.count <= 12 else { return nil }
        let digits = text.dropFirst(3)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              digits == "0" || !digits.hasPrefix("0"),
              let minor = Int(digits), minor <= Self.parseLimit else { return nil }
        self.init(minor: minor)
    }

    public var isLatest: Bool { minor == nil }

    public var description: String {
        guard let minor else { return "latest" }
        return "v1.\(minor)"
    }

    /// `latest` is newer than every numbered version.
    public static func < (lhs: PodSecurityVersion, rhs: PodSecurityVersion) -> Bool {
        switch (lhs.minor, rhs.minor) {
        case let (l?, r?): return l < r
        case (_?, nil): return true
        default: return false
        }
    }
}
