import Foundation
import PalisadeCore

/// A policy file's name and text.
public struct RegoSource: Sendable {
    public var file: String
    public var text: String

    public init(file: String, text: String) {
        self.file = file
        self.text = text
    }
}

/// Settings for one evaluation.
public struct EvalOptions: Sendable {
    /// Builtin errors abort evaluation instead of making the call undefined.
    public var strictBuiltinErrors = false
    /// The time `time.now_ns()` reports; the current time when nil.
    public var nowNanoseconds: Int64?
    /// Where `print()` output goes; discarded when nil.
    public var printSink: (@Sendable (String) -> Void)?
    /// Abort with `eval_cancel_error` after this many seconds.
    public var timeoutSeconds: Double?
    /// Collects the lines evaluation reached (rule heads and expressions).
    public var coverage: CoverageRecorder?

    public init() {}
}

/// The value of one expression of a query in one solution.
public struct ExpressionValue: Sendable {
    public var value: Value
    public var text: String
    public var location: Location
}

/// One solution of a query: its variable bindings and expression values.
public struct QueryResult: Sendable {
    public var bindings: [String: Value]
    public var expressions: [ExpressionValue]
}

/// A compiled set of Rego modules with base data, ready to answer queries.
/// Immutable and safe to share between threads.
public final class RegoEngine: Sendable {
    let policy: CompiledPolicy
    let baseData: Value

    /// Parses and compiles policy sources; errors carry file:line:col.
    /// `builtins` adds custom functions (or replaces standard ones) by name.
    /// `strict` adds OPA's strict-mode checks (unused imports and assignments,
    /// deprecated builtins, shadowed `input`/`data`).
    public convenience init(sources: [RegoSource], data: Value = .emptyObject, version: RegoVersion = .v1,
                            builtins: [Builtin] = [], strict: Bool = false) throws {
        var modules: [Module] = []
        var errors: [RegoError] = []
        for source in sources {
            do {
                modules.append(try RegoParser.parseModule(source.text, file: source.file, version: version))
            } catch let error as RegoError {
                errors.append(error)
            } catch let error as RegoErrors {
                errors.append(contentsOf: error.errors)
            }
        }
        if !errors.isEmpty { throw RegoErrors(errors) }
        try self.init(modules: modules, data: data, builtins: builtins, strict: strict)
    }

    public init(modules: [Module], data: Value = .emptyObject, builtins: [Builtin] = [], strict: Bool = false) throws {
        var table = BuiltinRegistry.standard
        for builtin in builtins { table[builtin.name] = builtin }
        policy = try Compiler(modules: modules, builtins: table, strict: strict).compile()
        baseData = data
    }

    public var modules: [Module] { policy.modules }

    /// Every rule as package path plus rule name, sorted.
    public var rulePaths: [[String]] {
        var paths = Set<[String]>()
        for module in policy.modules {
            for rule in module.rules {
                paths.insert(module.package + Compiler.groundPrefix(rule.head.ref))
            }
        }
        return paths.sorted { $0.joined(separator: ".") < $1.joined(separator: ".") }
    }

    /// Compiles a query once for repeated evaluation.
    public func prepare(_ text: String) throws -> PreparedQuery {
        let body = try RegoParser.parseQuery(text)
        let compiled = try Compiler(modules: policy.modules, builtins: policy.builtins).compileQuery(body)
        return PreparedQuery(engine: self, query: compiled, texts: PreparedQuery.expressionTexts(text, body))
    }

    /// Evaluates a query and returns every solution.
    public func query(_ text: String, input: Value? = nil, data: Value? = nil,
                      options: EvalOptions = EvalOptions()) throws -> [QueryResult] {
        try prepare(text).eval(input: input, data: data, options: options)
    }

    /// The value of `data.<path>`, or nil when undefined.
    public func evaluate(_ path: [String], input: Value? = nil, data: Value? = nil,
                         options: EvalOptions = EvalOptions()) throws -> Value? {
        let evaluator = Evaluator(policy: policy, input: input, data: data ?? baseData, options: options)
        var result: Value?
        let parts = path.map { CTerm.value(.string($0)) }
        try evaluator.evalRef(.data, parts, Frame(count: 0)) { result = $0 }
        return result
    }

    /// Evaluates a constant Rego term (e.g. a test case's `input_term`).
    public static func evaluateTerm(_ text: String) throws -> Value {
        let term = try RegoParser.parseTerm(text)
        let compiler = Compiler(modules: [])
        let compiled = try compiler.compileQuery([Expr(.term(term), at: term.location)])
        guard case .term(let t)? = compiled.body.first?.kind else {
            throw RegoError(.evalType, "not a term", at: term.location)
        }
        let evaluator = Evaluator(policy: try compiler.compile(), input: nil, data: .emptyObject, options: EvalOptions())
        var result: Value?
        do {
            try evaluator.evalTerm(t, Frame(count: compiled.slotCount)) { result = $0; throw StopEvaluation() }
        } catch is StopEvaluation {}
        guard let result else { throw RegoError(.evalType, "term is undefined", at: term.location) }
        return result
    }
}

/// A query compiled against an engine; evaluate it as often as needed.
public struct PreparedQuery: Sendable {
    let engine: RegoEngine
    let query: CompiledQuery
    /// The body in source order, for reporting expression values.
    let inSourceOrder: CBody
    /// The source text of each top-level expression.
    let texts: [String]

    init(engine: RegoEngine, query: CompiledQuery, texts: [String]) {
        self.engine = engine
        self.query = query
        self.texts = texts
        self.inSourceOrder = query.body.sorted { $0.sourceIndex < $1.sourceIndex }
    }

    public func eval(input: Value? = nil, data: Value? = nil, options: EvalOptions = EvalOptions()) throws -> [QueryResult] {
        let evaluator = Evaluator(policy: engine.policy, input: input, data: data ?? engine.baseData, options: options)
        let frame = Frame(count: query.slotCount)
        var results: [QueryResult] = []
        try evaluator.evalBody(query.body, 0, frame) {
            var bindings: [String: Value] = [:]
            for (name, slot) in query.variables {
                if let v = frame.slots[slot] { bindings[name] = v }
            }
            var expressions: [ExpressionValue] = []
            for expr in inSourceOrder {
                var value: Value = .bool(true)
                if case .term(let t) = expr.kind, !expr.negated {
                    do {
                        try evaluator.evalTerm(t, frame) { v in value = v; throw StopEvaluation() }
                    } catch is StopEvaluation {}
                }
                let text = expr.sourceIndex < texts.count ? texts[expr.sourceIndex] : ""
                expressions.append(ExpressionValue(value: value, text: text, location: expr.location))
            }
            results.append(QueryResult(bindings: bindings, expressions: expressions))
        }
        return results
    }

    /// The source text of each top-level expression of `text`.
    static func expressionTexts(_ text: String, _ source: Body) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func offset(_ loc: Location) -> Int {
            var total = 0
            for (i, line) in lines.enumerated() where i < loc.line - 1 { total += line.count + 1 }
            return total + loc.column - 1
        }
        let starts = source.map { offset($0.location) }
        var texts: [String] = []
        for (i, start) in starts.enumerated() {
            let end = i + 1 < starts.count ? starts[i + 1] : text.count
            guard start >= 0, start <= end, end <= text.count else { texts.append(""); continue }
            let from = text.index(text.startIndex, offsetBy: start)
            let to = text.index(text.startIndex, offsetBy: end)
            var piece = String(text[from..<to]).trimmingCharacters(in: .whitespacesAndNewlines)
            while piece.hasSuffix(";") { piece.removeLast() }
            texts.append(piece.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return texts
    }
}
