import Kube
import PalisadeCore

/// An exception past its expiry is itself a finding, so stale accepted risks
/// are seen and renewed or removed; it does not exempt anything.
enum ExpiredExceptionFinding {
    static let ruleID = "PAL-EXPIRED-EXCEPTION"

    static func finding(for exception: ScanException, resource: ResourceRef?) -> Finding {
        let expiry = exception.expiresText ?? exception.validUntil?.rfc3339 ?? "?"
        var details: [String: Value] = ["exception": exception.toValue()]
        if case .file(let location) = exception.origin {
            details["file"] = .string(location.file)
            details["line"] = .int(location.line)
        }
        return Finding(
            id: StableID.make([ruleID, exception.sourceText, exception.summary, resource?.identityKey ?? ""]),
            ruleID: ruleID, title: "Expired exception", severity: .low, resource: resource,
            message: "exception (\(exception.summary)) from \(exception.sourceText) expired on \(expiry): \(exception.justification)",
            remediation: "Fix the exempted problem, or renew the exception with a new expiry date after review.",
            details: .object(fields: details))
    }
}
