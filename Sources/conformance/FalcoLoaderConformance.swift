import Detection
import Foundation
import PalisadeCore

/// Falco rule-loader cases in DIR (engine_unit_cases.yaml): each case loads
/// rules content and checks success, error/warning messages, compiled
/// conditions, rule descriptions and enabled-rule counts.
struct FalcoLoaderConformance: ConformanceSuite {
    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        let files = try FileManager.default.contentsOfDirectory(atPath: options.directory)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return files.map { name in
            let path = (options.directory as NSString).appendingPathComponent(name)
            return ConformanceUnit(file: name, name: "(file)", timeLimit: options.timeout * 30 + 30) {
                let document: Value
                do {
                    document = try YAMLReader.decode(try String(contentsOfFile: path, encoding: .utf8), file: path)
                } catch {
                    return [CaseResult(file: name, name: "(file)", failure: "\(error)")]
                }
                return (document.arrayValue ?? []).map { entry in
                    let caseName = entry["name"]?.stringValue ?? "?"
                    var runner = FalcoLoaderCase(entry)
                    return CaseResult(file: name, name: caseName, failure: runner.failure())
                }.filter { options.selects($0.file, $0.name) }
            }
        }
    }
}

/// One loader case: runs its steps and reports the first mismatches.
struct FalcoLoaderCase {
    let entry: Value
    var loader = RulesLoader()
    var ruleSet = RuleSet(rules: [])

    init(_ entry: Value) { self.entry = entry }

    mutating func failure() -> String? {
        var problems: [String] = []
        for step in entry["steps"]?.arrayValue ?? [] {
            if let problem = run(step) { problems.append(problem) }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    var errors: [RulesDiagnostic] { loader.diagnostics.filter { $0.severity == .error } }
    var warnings: [RulesDiagnostic] { loader.diagnostics.filter { $0.severity == .warning } }

    mutating func run(_ step: Value) -> String? {
        if let file = step["load"]?.stringValue {
            loader.load(step["rules_content"]?.stringValue ?? "", file: file)
            ruleSet = loader.compile()
            let expected = step["expect_success"]?.boolValue ?? true
            return errors.isEmpty == expected ? nil : "expected success \(expected), errors: \(errors.map(\.description))"
        }
        if let check = step["expect_compiled_condition"] {
            let name = check["rule"]?.stringValue ?? ""
            let want = check["equals"]?.stringValue ?? ""
            guard let rule = ruleSet.rule(named: name) else { return "rule \(name) not compiled" }
            return rule.compiledCondition == want ? nil : "compiled condition \"\(rule.compiledCondition)\", expected \"\(want)\""
        }
        if let check = step["expect_describe_rule"] {
            return describeFailure(check)
        }
        if let text = step["expect_error_containing"] {
            return contains(errors, text) ? nil : "no error containing \(text); errors: \(errors.map(\.message))"
        }
        if let text = step["expect_warning_containing"] {
            return contains(warnings, text) ? nil : "no warning containing \(text); warnings: \(warnings.map(\.message))"
        }
        if let text = step["expect_no_warning_containing"] {
            return contains(warnings, text) ? "unexpected warning containing \(text): \(warnings.map(\.message))" : nil
        }
        if let flag = step["expect_has_warnings"]?.boolValue {
            return warnings.isEmpty != flag ? nil : "expected has_warnings \(flag): \(warnings.map(\.message))"
        }
        if let count = step["expect_enabled_rule_count"]?.intValue {
            let got = ruleSet.enabledRules.count
            return got == count ? nil : "enabled rules \(got), expected \(count)"
        }
        return nil
    }

    /// A null text means "any warning".
    func contains(_ diagnostics: [RulesDiagnostic], _ text: Value) -> Bool {
        guard let needle = text.stringValue else { return !diagnostics.isEmpty }
        return diagnostics.contains { $0.message.contains(needle) }
    }

    func describeFailure(_ check: Value) -> String? {
        let path = check["path"]?.stringValue ?? ""
        guard let rule = loader.ruleDefinitions.first else { return "no rule to describe" }
        let got: String
        switch path.split(separator: ".").last.map(String.init) ?? "" {
        case "condition": got = rule.condition
        case "output": got = rule.output
        case "description": got = rule.description
        case "priority": got = rule.priority.name
        case "capture": got = rule.capture ? "true" : "false"
        case "capture_duration": got = "\(rule.captureDuration)u"
        default: return "unknown describe path \(path)"
        }
        let want: String
        switch check["equals"] {
        case .bool(let flag)?: want = flag ? "true" : "false"
        case .number(let number)?: want = "\(number)"
        case .string(let text)?: want = text
        default: want = ""
        }
        return got == want ? nil : "\(path) is \"\(got)\", expected \"\(want)\""
    }
}
