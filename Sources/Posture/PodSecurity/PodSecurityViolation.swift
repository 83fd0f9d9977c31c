/// One failed Pod Security check, worded as PodSecurity admission words it.
public struct PodSecurityViolation: Sendable, Hashable, CustomStringConvertible {
    /// The upstream check ID, for example `allowPrivilegeEscalation`.
    public var checkID: String
    /// The short forbidden reason, for example `allowPrivilegeEscalation != false`.
    public var reason: String
    /// What exactly is forbidden, for example
    /// `container "app" must set securityContext.allowPrivilegeEscalation=false`.
    public var detail: String

    public init(checkID: String, reason: String, detail: String) {
        self.checkID = checkID
        self.reason = reason
        self.detail = detail
    }

    /// `reason (detail)`, or the reason alone when there is no detail.
    public var message: String {
        detail.isEmpty ? reason : "\(reason) (\(detail))"
    }

    public var description: String { message }
}
