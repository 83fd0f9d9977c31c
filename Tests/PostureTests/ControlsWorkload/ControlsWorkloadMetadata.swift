import PalisadeCore
import Rego

/// The package annotation of one control file, as docs/controls.md defines it.
struct ControlsWorkloadMetadata {
    let file: String
    let slug: String
    let package: [String]
    let annotation: Value?

    init(module: Module, file: String) {
        self.file = file
        self.package = module.package
        slug = module.package.last ?? ""
        annotation = module.annotations.first { $0.scope == .package }?.value
    }

    var custom: Value? { annotation?["custom"] }
    var id: String? { custom?["id"]?.stringValue }
    var title: String? { annotation?["title"]?.stringValue }
    var description: String? { annotation?["description"]?.stringValue }
    var severity: String? { custom?["severity"]?.stringValue }
    var remediation: String? { custom?["remediation"]?.stringValue }
    var kinds: [String] { custom?["kinds"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    var references: [String] { custom?["references"]?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// Framework key (NSA-CISA, MITRE, ...) to its requirement ids.
    var frameworks: [String: [String]] {
        var result: [String: [String]] = [:]
        for (key, value) in custom?["frameworks"]?.objectValue ?? [:] {
            guard let name = key.stringValue else { continue }
            result[name] = value.arrayValue?.compactMap(\.stringValue) ?? []
        }
        return result
    }
}
