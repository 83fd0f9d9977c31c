import PalisadeCore

/// One violation a template reported: `violation[{"msg": msg, "details": {...}}]`.
public struct Violation: Sendable, Equatable {
    public var message: String
    public var details: Value?
    public var constraint: String

    public init(message: String, details: Value?, constraint: String) {
        self.message = message
        self.details = details
        self.constraint = constraint
    }
}

/// A ConstraintTemplate compiled for evaluation: its Rego (v0 syntax) plus
/// libs, checked the way Gatekeeper checks templates.
public final class TemplateProgram: Sendable {
    public let template: ConstraintTemplate
    public let package: [String]
    let engine: RegoEngine

    public init(_ template: ConstraintTemplate) throws {
        self.template = template
        let mainFile = template.file + "#rego"
        var modules = [try RegoParser.parseModule(template.rego, file: mainFile, version: .v0)]
        for (i, lib) in template.libs.enumerated() {
            modules.append(try RegoParser.parseModule(lib, file: template.file + "#libs[\(i)]", version: .v0))
        }
        let main = modules[0]
        package = main.package
        // Checked before compiling, so a removed builtin reads as Gatekeeper reports it.
        try TemplateRules.check(modules, mainPackage: main.package, file: template.file)
        let engine = try RegoEngine(modules: modules)
        guard engine.rulePaths.contains(main.package + ["violation"]) else {
            throw GatekeeperError("template \(template.name): package \(main.package.joined(separator: ".")) has no violation rule", file: template.file)
        }
        self.engine = engine
    }

    /// Evaluates `violation` for one request under one constraint (matching is the caller's job).
    public func violations(_ review: AdmissionReviewRequest, constraint: Constraint, inventory: Inventory = Inventory(),
                           options: EvalOptions = .init()) throws -> [Violation] {
        let input = Value.object(fields: ["review": review.value, "parameters": constraint.parameters])
        let result = try engine.evaluate(package + ["violation"], input: input, data: inventory.data, options: options)
        guard let result, let items = result.elements else { return [] }
        return items.map { item in
            let message = item["msg"]?.stringValue ?? (item["msg"].map { $0.description } ?? "")
            return Violation(message: message, details: item["details"], constraint: constraint.name)
        }
    }
}
