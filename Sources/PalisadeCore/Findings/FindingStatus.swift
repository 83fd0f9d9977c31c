/// Whether a resource failed or passed a rule, or was exempted from it.
public enum FindingStatus: Sendable, Hashable {
    case failed
    case passed
    case exempted(Exemption)

    /// `failed`, `passed` or `exempted`.
    public var name: String {
        switch self {
        case .failed: return "failed"
        case .passed: return "passed"
        case .exempted: return "exempted"
        }
    }
}

/// Why a failing result is accepted, and until when.
public struct Exemption: Sendable, Hashable {
    public var justification: String
    /// After this time the exemption no longer applies; nil means no expiry.
    public var expires: Timestamp?
    /// Who or what granted it (an exceptions file, a policy name); optional.
    public var source: String?

    public init(justification: String, expires: Timestamp? = nil, source: String? = nil) {
        self.justification = justification
        self.expires = expires
        self.source = source
    }

    /// True when the exemption has an expiry at or before `now`.
    public func isExpired(at now: Timestamp) -> Bool {
        guard let expires else { return false }
        return expires <= now
    }

    public func toValue() -> Value {
        var fields: [String: Value] = ["justification": .string(justification)]
        if let expires { fields["expires"] = .string(expires.rfc3339) }
        if let source { fields["source"] = .string(source) }
        return .object(fields: fields)
    }
}
