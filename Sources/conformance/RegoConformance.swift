import Foundation
import PalisadeCore
import Rego

/// OPA's evaluation test cases (`{"cases": [...]}` JSON files below DIR),
/// judged by the rules of OPA's `testRun`.
struct RegoConformance: ConformanceSuite {
    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        guard let walker = FileManager.default.enumerator(atPath: options.directory) else {
            throw UsageError(description: "\(options.directory): cannot read directory")
        }
        var files: [String] = []
        while let rel = walker.nextObject() as? String { if rel.hasSuffix(".json") { files.append(rel) } }
        var units: [ConformanceUnit] = []
        let timeout = options.timeout
        for rel in files.sorted() {
            let path = (options.directory as NSString).appendingPathComponent(rel)
            let cases: [Value]
            do {
                guard let data = FileManager.default.contents(atPath: path) else { throw UsageError(description: "cannot read file") }
                let document = try JSONReader.decode(bytes: Array(data), file: path)
                guard let list = document["cases"]?.arrayValue else { throw UsageError(description: "no \"cases\" array") }
                cases = list
            } catch {
                let reason = "\(error)"
                units.append(ConformanceUnit(file: path, name: "(file)", timeLimit: 10) { [CaseResult(file: path, name: "(file)", failure: reason)] })
                continue
            }
            for (index, testCase) in cases.enumerated() {
                let note = testCase["note"]?.stringValue ?? "case \(index)"
                guard options.selects(path, note) else { continue }
                units.append(ConformanceUnit(file: path, name: note, timeLimit: timeout * 2 + 5) {
                    [CaseResult(file: path, name: note, failure: RegoCase(testCase).judge(timeout: timeout))]
                })
            }
        }
        return units
    }
}

/// One case of the corpus and how it is judged.
struct RegoCase: Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    var strict: Bool { value["strict_error"]?.boolValue ?? false }
    var wantError: String? { value["want_error"]?.stringValue }
    var wantErrorCode: String? { value["want_error_code"]?.stringValue }

    /// Nil when the case passes, otherwise the reason it failed.
    func judge(timeout: Double) -> String? {
        let outcome: [QueryResult]
        do {
            outcome = try evaluate(timeout: timeout)
        } catch {
            return judgeError(error)
        }
        if wantError != nil || wantErrorCode != nil {
            return "expected error \(wantErrorCode ?? "")\(wantError.map { " containing \"\($0)\"" } ?? ""), got result \(render(bindings(outcome)))"
        }
        guard let want = value["want_result"]?.arrayValue else { return nil }
        let got = bindings(outcome)
        let expected = want.map(normalize)
        if Set(got) == Set(expected) { return nil }
        return "want \(render(expected)), got \(render(got))"
    }

    private func evaluate(timeout: Double) throws -> [QueryResult] {
        let modules = (value["modules"]?.arrayValue ?? []).enumerated().map { i, m in
            RegoSource(file: "test-\(i).rego", text: m.stringValue ?? "")
        }
        let engine = try RegoEngine(sources: modules, data: value["data"] ?? .emptyObject, version: .v1,
                                    builtins: [Self.testSleep])
        var options = EvalOptions()
        options.strictBuiltinErrors = strict
        options.timeoutSeconds = timeout
        var input = value["input"]
        if let term = value["input_term"]?.stringValue {
            input = try Self.parseTerm(term)
        }
        return try engine.query(value["query"]?.stringValue ?? "", input: input, options: options)
    }

    /// `test.sleep(duration)`: a builtin that exists only in OPA's test harness
    /// (the time caching case uses it); bounded to one second here.
    static let testSleep = Builtin("test.sleep", arity: 1, nondeterministic: true) { args, _ in
        let text = try args.string(0)
        var seconds = 0.0
        if text.hasSuffix("ms"), let ms = Double(text.dropLast(2)) { seconds = ms / 1_000 }
        else if text.hasSuffix("s"), let s = Double(text.dropLast()) { seconds = s }
        Thread.sleep(forTimeInterval: min(max(seconds, 0), 1))
        return .null
    }

    /// A Rego term (which may hold sets or non-string keys) as a value.
    static func parseTerm(_ term: String) throws -> Value {
        try RegoEngine.evaluateTerm(term)
    }

    private func judgeError(_ error: Error) -> String? {
        let (code, text) = Self.describe(error)
        guard wantError != nil || wantErrorCode != nil else { return "unexpected error: \(text)" }
        if let wantErrorCode, code != wantErrorCode {
            return "want error code \(wantErrorCode), got \(code.isEmpty ? "none" : code): \(text)"
        }
        if let wantError, !wantError.isEmpty, !text.contains(wantError) {
            return "want error containing \"\(wantError)\", got: \(text)"
        }
        return nil
    }

    static func describe(_ error: Error) -> (code: String, text: String) {
        switch error {
        case let e as RegoError: return (e.code.rawValue, e.description)
        case let e as RegoErrors: return (e.errors.first?.code.rawValue ?? "", e.description)
        case let e as BuiltinError: return (e.code.rawValue, e.description)
        default: return ("", "\(error)")
        }
    }

    /// Each solution as an object of its bindings, in JSON form.
    private func bindings(_ results: [QueryResult]) -> [Value] {
        let dropGenerated = value["ignore_generated_vars"]?.boolValue ?? false
        return results.map { r in
            var fields: [String: Value] = [:]
            for (name, v) in r.bindings where !(dropGenerated && name.hasPrefix("__localq")) {
                fields[name] = v
            }
            return normalize(.object(fields: fields))
        }
    }

    /// JSON form (sets become sorted arrays, keys become strings); with
    /// `sort_bindings`, array bindings are sorted.
    private func normalize(_ solution: Value) -> Value {
        let json = (try? JSONReader.decode(JSONWriter.string(solution))) ?? solution
        guard value["sort_bindings"]?.boolValue == true, case .object(var fields) = json else { return json }
        for (k, v) in fields { if case .array(let a) = v { fields[k] = .array(a.sorted()) } }
        return .object(fields)
    }

    private func render(_ solutions: [Value]) -> String {
        let text = JSONWriter.string(.array(solutions.sorted()))
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}
