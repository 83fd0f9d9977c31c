import PalisadeCore
import Rego

/// One test case of a rule in regolibrary's layout:
/// `test/<case>/input/*` (one object per file), `expected.json` (the
/// findings), optional `data.json` (control-input overrides) and optional
/// `expected-filter.json` (the findings of `filter.rego`).
///
/// Judged as Kubescape's rule-test runner judges it: the rule's findings and
/// the expected ones are both decoded as Go `RuleResponse`s, the rule's
/// `alertObject.k8sApiObjects` are cut down to apiVersion, kind and
/// metadata.{name,labels}, both lists are re-serialized, and the two must be
/// equal as multisets (the runner sorts both by their JSON text and compares
/// them as JSON).
public struct KubescapeRuleTest: Sendable {
    public var name: String
    public var directory: String

    public init(name: String, directory: String) {
        self.name = name
        self.directory = directory
    }

    /// The cases of a rule directory (`test/*/` that hold `expected.json`), sorted.
    public static func cases(ruleDirectory: String) throws -> [KubescapeRuleTest] {
        let testRoot = KubescapeFiles.join(ruleDirectory, "test")
        guard KubescapeFiles.isDirectory(testRoot) else { return [] }
        return try KubescapeFiles.sortedEntries(testRoot).compactMap { entry in
            let directory = KubescapeFiles.join(testRoot, entry)
            guard KubescapeFiles.isDirectory(directory) else { return nil }
            return KubescapeRuleTest(name: entry, directory: directory)
        }
    }

    /// True when the case also checks `filter.rego`.
    public var hasFilterExpectation: Bool {
        KubescapeFiles.isFile(KubescapeFiles.join(directory, "expected-filter.json"))
    }

    /// Runs the case with `engine`; nil when it passes, else why it failed.
    /// `defaults` are the control inputs before the case's `data.json`.
    public func judge(_ engine: KubescapeRuleEngine, defaults: KubescapeControlInputs,
                      filter: Bool = false, options: EvalOptions = EvalOptions()) -> String? {
        do {
            let expectedFile = KubescapeFiles.join(directory, filter ? "expected-filter.json" : "expected.json")
            let expected = try Self.expectedResponses(expectedFile)
            let inputs = try controlInputs(defaults)
            let objects = try KubescapeObjects.load(directory: KubescapeFiles.join(directory, "input"))
            let result = try engine.evaluate(objects: objects, inputs: inputs, options: options)
            return Self.compare(actual: result.responses.map { $0.trimmedForReport() }, expected: expected)
        } catch {
            return "error: \(error)"
        }
    }

    /// The case's control inputs: `defaults` overridden by `data.json`.
    public func controlInputs(_ defaults: KubescapeControlInputs) throws -> KubescapeControlInputs {
        let path = KubescapeFiles.join(directory, "data.json")
        guard KubescapeFiles.isFile(path) else { return defaults }
        return try defaults.overridden(by: KubescapeFiles.readJSON(path), file: path)
    }

    /// An `expected.json`: an array of findings, or a single one.
    public static func expectedResponses(_ path: String) throws -> [KubescapeRuleResponse] {
        let document = try KubescapeGoJSON.roundTrip(KubescapeFiles.readJSON(path))
        do {
            return try KubescapeRuleResponse.decodeList(document)
        } catch let listError as KubescapeError {
            guard case .object = document else { throw KubescapeError(listError.message, file: path) }
            do { return [try KubescapeRuleResponse(decoding: document)] } catch let error as KubescapeError {
                throw KubescapeError(error.message, file: path)
            }
        }
    }

    /// Nil when the two lists hold the same findings, else a description
    /// of the first difference.
    public static func compare(actual: [KubescapeRuleResponse], expected: [KubescapeRuleResponse]) -> String? {
        let got = actual.map(\.goJSON).sorted()
        let want = expected.map(\.goJSON).sorted()
        if got == want { return nil }
        if got.count != want.count {
            return "want \(want.count) findings, got \(got.count): got \(render(got)), want \(render(want))"
        }
        var missing = want
        var extra: [Value] = []
        for item in got {
            if let index = missing.firstIndex(of: item) { missing.remove(at: index) } else { extra.append(item) }
        }
        guard let first = extra.first, let wanted = missing.first else { return "findings differ" }
        return "findings differ: \(fieldDifferences(first, wanted)); got \(render(extra)), want \(render(missing))"
    }

    /// The top-level fields in which two findings differ, with both values.
    private static func fieldDifferences(_ got: Value, _ want: Value) -> String {
        let keys = Set((got.objectValue ?? [:]).keys).union((want.objectValue ?? [:]).keys).sorted()
        return keys.compactMap { key -> String? in
            let a = got.objectValue?[key] ?? .null, b = want.objectValue?[key] ?? .null
            guard a != b else { return nil }
            return "\(KubescapeGoJSON.keyText(key)): got \(clip(JSONWriter.string(a))), want \(clip(JSONWriter.string(b)))"
        }.joined(separator: "; ")
    }

    private static func clip(_ text: String) -> String {
        text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    private static func render(_ values: [Value]) -> String {
        let text = JSONWriter.string(.array(values))
        return text.count > 400 ? String(text.prefix(400)) + "…" : text
    }
}
