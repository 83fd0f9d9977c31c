import Foundation
import PalisadeCore

/// Which audit output a test item was evaluated against.
public enum BenchAuditSource: String, Sendable {
    case command = "auditCommand"
    case config = "auditConfig"
    case env = "auditEnv"
}

/// The outcome of one test item, or of a check's combined tests.
public struct BenchTestOutcome: Sendable, Equatable {
    public var passed: Bool
    /// Whether the flag, path or variable was found.
    public var found: Bool
    /// The audit output the item looked at (trimmed at the end).
    public var actual: String
    /// Human text such as `'--anonymous-auth' is equal to 'false'`.
    public var expected: String

    public init(passed: Bool = false, found: Bool = false, actual: String = "", expected: String = "") {
        self.passed = passed
        self.found = found
        self.actual = actual
        self.expected = expected
    }
}

extension BenchTestItem {
    /// The name shown in expected-result texts for `source`.
    func name(for source: BenchAuditSource) -> String {
        switch source {
        case .command: return flag
        case .config: return path
        case .env: return env
        }
    }

    /// Evaluates the item against one audit output: the whole output, or each
    /// line (all must pass) when the check uses multiple values.
    public func execute(_ output: String, source: BenchAuditSource, multipleValues: Bool) -> BenchTestOutcome {
        let trimmed = Self.trimRight(output)
        let lines = multipleValues ? trimmed.components(separatedBy: "\n") : [trimmed]
        var outcome = BenchTestOutcome()
        for line in lines {
            outcome = evaluate(line, source: source)
            if !outcome.passed { break }
        }
        outcome.actual = trimmed
        return outcome
    }

    /// Evaluates the item against one piece of output.
    func evaluate(_ text: String, source: BenchAuditSource) -> BenchTestOutcome {
        let found: (match: Bool, value: String)
        do { found = try findValue(text, source: source) } catch {
            return BenchTestOutcome(passed: false, found: false, actual: error.message, expected: "")
        }
        let name = name(for: source)
        var outcome = BenchTestOutcome(found: found.match)
        if !set {
            outcome.expected = "'\(name)' is not present"
            outcome.passed = !found.match
        } else if found.match && !compare.op.isEmpty {
            let result = BenchComparison.evaluate(op: compare.op, actual: found.value, expected: compare.value, name: name)
            outcome.expected = result.expected
            outcome.passed = result.passed
        } else {
            outcome.expected = "'\(name)' is present"
            outcome.passed = found.match
        }
        return outcome
    }

    func findValue(_ text: String, source: BenchAuditSource) throws(BenchFindError) -> (match: Bool, value: String) {
        switch source {
        case .command: return try findFlag(text)
        case .config: return try findPath(text)
        case .env: return findEnv(text)
        }
    }

    /// `--flag=value`, `flag: value`, `--flag value` (when comparing) or a bare `--flag` (true).
    private func findFlag(_ text: String) throws(BenchFindError) -> (match: Bool, value: String) {
        guard !text.isEmpty, !flag.isEmpty, text.utf8.count >= flag.utf8.count,
              Array(text.utf8).firstRange(of: Array(flag.utf8)) != nil else { return (false, "") }
        guard let regex = try? RE2Regex("(" + flag + ")(=|: *)*([^\\s]*) *"),
              let groups = regex.firstMatch(in: text) else {
            throw BenchFindError(message: "invalid flag in testItem definition: \(text)")
        }
        if let range = groups[3], !range.isEmpty { return (true, String(text[range])) }
        if let spaced = spaceSeparatedValue(text) { return (true, spaced) }
        if flag.hasPrefix("--") { return (true, "true") }
        return (true, groups[1].map { String(text[$0]) } ?? flag)
    }

    /// A value written as `--flag value`; only read when the test compares a value,
    /// and never when the next word is itself a flag.
    private func spaceSeparatedValue(_ text: String) -> String? {
        guard !compare.op.isEmpty,
              let regex = try? RE2Regex(RE2Regex.quoteMeta(flag) + "\\s+([^\\s-][^\\s]*)"),
              let groups = regex.firstMatch(in: text), let range = groups[1] else { return nil }
        return String(text[range])
    }

    /// Reads the output as JSON, else YAML, and prints `path` against it.
    private func findPath(_ text: String) throws(BenchFindError) -> (match: Bool, value: String) {
        let data: Value
        do { data = try Self.decodeConfig(text) } catch {
            throw BenchFindError(message: "failed to load YAML or JSON from input \"\(text)\": \(error)")
        }
        let template: BenchJSONPath
        do { template = try BenchJSONPath(path) } catch {
            throw BenchFindError(message: "unable to parse path expression \"\(path)\": \(error)")
        }
        let value = template.execute(data)
        return (!value.isEmpty, value)
    }

    /// `NAME=value` on a line of the audit_env output.
    private func findEnv(_ text: String) -> (match: Bool, value: String) {
        guard !text.isEmpty, !env.isEmpty, let regex = try? RE2Regex(env + "=.*(?:$|\\n)"),
              let groups = regex.firstMatch(in: text), let range = groups[0] else { return (false, "") }
        var out = String(text[range])
        if let newline = out.firstIndex(of: "\n") { out.remove(at: newline) }
        if let prefix = out.range(of: env + "=") { out.removeSubrange(prefix) }
        return out.isEmpty ? (false, "") : (true, out)
    }

    /// JSON first, then the first YAML document (as kube-bench's unmarshal does).
    static func decodeConfig(_ text: String) throws -> Value {
        if let json = try? JSONReader.decode(text) { return json }
        return try YAMLReader.documents(text).first?.value ?? .null
    }

    static func trimRight(_ text: String) -> String {
        var scalars = text.unicodeScalars
        while let last = scalars.last, last == " " || last == "\n" { scalars.removeLast() }
        return String(scalars)
    }
}

/// Why a test item could not look for its value (the item then fails).
public struct BenchFindError: Error, Sendable {
    public var message: String
}
