import PalisadeCore
import Rego

/// What one evaluation of a rule produced.
public struct KubescapeRuleResult: Sendable {
    /// `data.armo_builtins` as JSON (sets as arrays): rule name → value.
    public var document: Value
    /// Every value of `document` decoded as a list of findings, in rule-name order.
    public var responses: [KubescapeRuleResponse]
}

/// A Kubescape rule compiled with its dependency modules, ready to evaluate
/// against Kubernetes objects. Immutable and safe to share between threads.
public struct KubescapeRuleEngine: Sendable {
    /// Which of the rule's policies to run.
    public enum Policy: Sendable {
        /// `raw.rego`: the findings.
        case raw
        /// `filter.rego`: the resources the rule looks at.
        case filter
    }

    public let rule: KubescapeRule
    /// The package whose rules hold the findings. Kubescape always queries
    /// `data.armo_builtins` (the metadata's `ruleQuery` is deprecated and ignored).
    public let package: [String]
    let engine: RegoEngine

    /// Compiles the rule (Rego v0, as Kubescape does) with `modules`
    /// (Kubescape's dependencies by default) and extra builtins (Kubescape's by default).
    public init(rule: KubescapeRule, policy: Policy = .raw, modules: [RegoSource] = [],
                builtins: [Builtin] = KubescapeBuiltins.all, package: [String] = ["armo_builtins"]) throws {
        let source: RegoSource
        switch policy {
        case .raw: source = rule.policy
        case .filter:
            guard let filter = rule.filter else { throw KubescapeError("rule \(rule.name) has no filter.rego") }
            source = filter
        }
        self.rule = rule
        self.package = package
        engine = try RegoEngine(sources: modules + [source], version: .v0, builtins: builtins)
    }

    /// Evaluates the rule over `objects` with `inputs` as `data`. The objects
    /// are first shaped as Kubescape shapes them (`KubescapeEnvelope`), then
    /// aggregated when the rule asks for it.
    public func evaluate(objects: [Value], inputs: KubescapeControlInputs = KubescapeControlInputs(),
                         options: EvalOptions = EvalOptions()) throws -> KubescapeRuleResult {
        try evaluate(input: .array(input(for: objects)), data: inputs.data, options: options)
    }

    /// The `input` array the rule sees for `objects`.
    public func input(for objects: [Value]) -> [Value] {
        let shaped = objects.compactMap(KubescapeEnvelope.normalize)
        return rule.aggregator?.aggregate(shaped) ?? shaped
    }

    /// Evaluates the rule with an explicit `input` and `data` document.
    public func evaluate(input: Value, data: Value, options: EvalOptions = EvalOptions()) throws -> KubescapeRuleResult {
        let value = try engine.evaluate(package, input: input, data: data, options: options)
        let document = try KubescapeGoJSON.roundTrip(value ?? .emptyObject)
        guard case .object(let rules) = document else {
            throw KubescapeError("data.\(package.joined(separator: ".")) is \(document.typeName), not an object")
        }
        var responses: [KubescapeRuleResponse] = []
        for key in rules.keys.sorted() {
            guard let result = rules[key] else { continue }
            do {
                responses += try KubescapeRuleResponse.decodeList(result)
            } catch let error as KubescapeError {
                throw KubescapeError("rule \(KubescapeGoJSON.keyText(key)): \(error.message)", file: rule.policy.file)
            }
        }
        return KubescapeRuleResult(document: document, responses: responses)
    }
}
