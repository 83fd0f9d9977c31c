import PalisadeCore

/// Short texts shared by the formats: where a resource is, what an exemption says.
enum ReportLabels {
    /// `Kind namespace/name`, or `(no resource)` for a finding about no single object.
    static func resource(_ resource: ResourceRef?) -> String {
        resource?.description ?? "(no resource)"
    }

    /// `file:line` for a manifest resource; `cluster` for an object read from the API; empty without one.
    static func location(_ resource: ResourceRef?) -> String {
        guard let resource else { return "" }
        guard let file = resource.file else { return "cluster" }
        return resource.line.map { "\(file):\($0)" } ?? file
    }

    /// `justification (until 2027-03-31, from exceptions.yaml)`.
    static func exemption(_ exemption: Exemption) -> String {
        var details: [String] = []
        if let expires = exemption.expires { details.append("until " + ReportNumber.date(expires)) }
        if let source = exemption.source { details.append("from " + source) }
        let justification = exemption.justification.isEmpty ? "no justification given" : exemption.justification
        return details.isEmpty ? justification : "\(justification) (\(details.joined(separator: ", ")))"
    }

    static func expiry(_ exemption: Exemption) -> String {
        exemption.expires.map(ReportNumber.date) ?? "never"
    }

    /// `PAL-001 passed 3, failed 1, exempted 0 of 4`.
    static func counts(_ result: ControlResult) -> String {
        "\(result.passed) passed, \(result.failed) failed, \(result.exempted) exempted of \(result.total)"
    }

    /// The framework mappings as `CIS 5.2.2` strings.
    static func mappings(_ mappings: [ControlMapping]) -> [String] {
        mappings.normalized().map { "\($0.framework.rawValue) \($0.control)" }
    }
}
