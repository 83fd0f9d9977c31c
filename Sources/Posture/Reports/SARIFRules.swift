import PalisadeCore

/// The `reportingDescriptor`s of a SARIF run and the index of each rule id.
struct SARIFRules {
    let descriptors: [Value]
    private let indexByID: [String: Int]

    init(_ digest: ReportDigest) {
        var descriptors: [Value] = []
        var indexByID: [String: Int] = [:]
        for result in digest.controls where indexByID[result.control.id] == nil {
            indexByID[result.control.id] = descriptors.count
            descriptors.append(Self.descriptor(result.control, result: result))
        }
        for id in digest.orphanRuleIDs {
            guard let finding = digest.findings(of: id).first else { continue }
            indexByID[id] = descriptors.count
            descriptors.append(Self.descriptor(Self.info(from: finding), result: nil))
        }
        self.descriptors = descriptors
        self.indexByID = indexByID
    }

    func index(of ruleID: String) -> Int? { indexByID[ruleID] }

    static func descriptor(_ info: ControlInfo, result: ControlResult?) -> Value {
        var properties: [String: Value] = [
            "severity": .string(info.severity.name),
            "security-severity": .string(SARIFReport.securitySeverity(info.severity)),
            "tags": .array((["security", "kubernetes"] + info.mappings.normalized().map(\.description)).map(Value.string)),
        ]
        if let result {
            properties["score"] = ReportNumber.jsonValue(result.score)
            properties["passed"] = .int(result.passed)
            properties["failed"] = .int(result.failed)
            properties["exempted"] = .int(result.exempted)
        }
        var fields: [String: Value] = [
            "id": .string(info.id),
            "name": .string(ruleName(info.title, fallback: info.id)),
            "shortDescription": .object(fields: ["text": .string(info.title)]),
            "fullDescription": .object(fields: ["text": .string(info.description.isEmpty ? info.title : info.description)]),
            "help": .object(fields: ["text": .string(info.remediation.isEmpty ? info.title : info.remediation)]),
            "defaultConfiguration": .object(fields: ["level": .string(SARIFReport.level(info.severity))]),
            "properties": .object(fields: properties),
        ]
        if let uri = info.references.first(where: SARIFURI.isWebURL) { fields["helpUri"] = .string(uri) }
        return .object(fields: fields)
    }

    /// A rule known only from its findings (a user control missing from the report's control list).
    static func info(from finding: Finding) -> ControlInfo {
        ControlInfo(id: finding.ruleID, title: finding.title, severity: finding.severity,
                    remediation: finding.remediation, kinds: [], mappings: finding.mappings)
    }

    /// The title in UpperCamelCase (`Privileged container` → `PrivilegedContainer`), as SARIF rule names read.
    static func ruleName(_ title: String, fallback: String) -> String {
        let words = title.split { !($0.isLetter || $0.isNumber) }
        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return name.isEmpty ? fallback : name
    }
}
