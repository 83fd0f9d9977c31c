/// A level at a version, written `LEVEL[:VERSION]` on the command line
/// (for example `restricted:latest`, `baseline:v1.30`, or just `restricted`).
public struct PodSecurityPolicy: Sendable, Hashable, CustomStringConvertible {
    public var level: PodSecurityLevel
    public var version: PodSecurityVersion

    public init(level: PodSecurityLevel, version: PodSecurityVersion = .latest) {
        self.level = level
        self.version = version
    }

    /// Parses `LEVEL[:VERSION]`; the version defaults to `latest`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let level = PodSecurityLevel(parsing: parts[0]) else {
            throw PodSecurityPolicyError(text: text, problem: "unknown level \"\(parts[0])\" (expected privileged, baseline or restricted)")
        }
        var version = PodSecurityVersion.latest
        if parts.count == 2 {
            guard let parsed = PodSecurityVersion(parsing: parts[1]) else {
                throw PodSecurityPolicyError(text: text, problem: "invalid version \"\(parts[1])\" (expected latest or v1.<minor>)")
            }
            version = parsed
        }
        self.init(level: level, version: version)
    }

    /// `level:version`, the form PodSecurity admission uses in its messages.
    public var description: String { "\(level):\(version)" }
}

/// A `LEVEL[:VERSION]` text that does not name a Pod Security policy.
public struct PodSecurityPolicyError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var problem: String

    public var description: String { "invalid Pod Security policy \"\(text)\": \(problem)" }
}
