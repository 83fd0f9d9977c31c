import PalisadeCore

/// `--framework` and `--control` selection; remembers what matched so a
/// name that selects nothing is reported instead of silently scanning nothing.
struct ControlFilter {
    let framework: String?
    let ids: [GlobPattern]
    private var matchedIDs: Set<String> = []
    private var knownFrameworks: Set<String> = []
    private var frameworkMatched = false

    init(framework: String?, ids: [String]) {
        self.framework = framework
        self.ids = ids.map(GlobPattern.init)
    }

    mutating func keeps(_ control: ControlInfo) -> Bool {
        let frameworks = control.mappings.map(\.framework.rawValue)
        knownFrameworks.formUnion(frameworks)
        if let framework {
            guard frameworks.contains(where: { $0.caseInsensitiveCompare(framework) == .orderedSame }) else { return false }
            frameworkMatched = true
        }
        guard !ids.isEmpty else { return true }
        let matching = ids.filter { $0.matches(control.id) }
        matchedIDs.formUnion(matching.map(\.text))
        return !matching.isEmpty
    }

    func problems(hasPodSecurity: Bool) -> [String] {
        var problems: [String] = []
        if let framework, !frameworkMatched {
            let known = knownFrameworks.sorted().joined(separator: ", ")
            problems.append("--framework \(framework): no control is mapped to it (known: \(known.isEmpty ? "none" : known))")
        }
        for id in ids where !matchedIDs.contains(id.text) {
            problems.append("--control \(id): no such control\(hasPodSecurity ? "" : " (PSS-* ids need --pss)")")
        }
        return problems
    }
}
