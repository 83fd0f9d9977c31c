import Foundation
import PalisadeCore
@testable import Detection

/// One falco-regression case whose input is a `.scap` capture, evaluated
/// with `RuleSet.matches` (rule_matching: first) over every replayed event.
struct SyscallEventsRegressionCase {
    var name: String
    var rulesFiles: [String]
    var input: String
    var enabledTags: [String]
    var disabledTags: [String]
    var expectations: [Value]
    var legacyDetect: Bool?
    /// Legacy `disabled_rules` (`-D`): rules whose name contains one of these.
    var disabledRuleSubstrings: [String]

    static let directory = SharedCorpus.root + "/conformance/falco/regression-suite"

    static func loadAll() throws -> [SyscallEventsRegressionCase] {
        let text = try String(contentsOfFile: directory + "/cases_syscall.yaml", encoding: .utf8)
        let cases = try YAMLReader.decode(text, file: "cases_syscall.yaml").arrayValue ?? []
        return cases.compactMap { item in
            guard let name = item["name"]?.stringValue, let input = item["input"]?.stringValue,
                  input.hasPrefix("captures/") else { return nil }
            let options = item["falco_options"]
            return SyscallEventsRegressionCase(
                name: name, rulesFiles: item["rules_files"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                input: input, enabledTags: options?["EnabledTags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                disabledTags: options?["DisabledTags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                expectations: item["expect"]?.arrayValue ?? [],
                legacyDetect: item["legacy_spec"]?["spec"]?["detect"]?.boolValue,
                disabledRuleSubstrings: item["legacy_spec"]?["spec"]?["disabled_rules"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
    }

    /// The rule set with Falco's `-t`/`-T` tag selection applied.
    func ruleSet() throws -> RuleSet {
        var files: [(text: String, file: String)] = []
        for path in rulesFiles {
            files.append((try String(contentsOfFile: Self.directory + "/" + path, encoding: .utf8), path))
        }
        let (ruleSet, _) = RulesLoader.load(files: files)
        var rules = ruleSet.rules
        for index in rules.indices {
            let tags = Set(rules[index].definition.tags)
            if !enabledTags.isEmpty, tags.isDisjoint(with: enabledTags) { rules[index].definition.enabled = false }
            if !tags.isDisjoint(with: disabledTags) { rules[index].definition.enabled = false }
            if disabledRuleSubstrings.contains(where: { rules[index].name.contains($0) }) {
                rules[index].definition.enabled = false
            }
        }
        return RuleSet(rules: rules)
    }

    /// Per-rule alert counts and the priorities of all alerts.
    func run(events: [SyscallEvent]) throws -> (byRule: [String: Int], priorities: [String]) {
        let rules = try ruleSet()
        var byRule: [String: Int] = [:]
        var priorities: [String] = []
        for event in events {
            for rule in rules.matches(event, firstOnly: true) {
                byRule[rule.name, default: 0] += 1
                priorities.append(rule.definition.priority.name)
            }
        }
        return (byRule, priorities)
    }

    /// Failures of the detection expectations (empty when the case passes).
    func check(byRule: [String: Int], priorities: [String]) -> [String] {
        var failures: [String] = []
        var sawDetectionExpectation = false
        for expectation in expectations {
            guard let detections = expectation["detections"] else { continue }
            sawDetectionExpectation = true
            let actual: Int
            let label: String
            if detections.stringValue == "all" {
                actual = priorities.count
                label = "all"
            } else if let rule = detections["rule"]?.stringValue {
                actual = byRule[rule] ?? 0
                label = "rule \(rule)"
            } else if let priority = detections["priority"]?.stringValue {
                actual = priorities.filter { $0.lowercased().contains(priority.lowercased()) }.count
                label = "priority \(priority)"
            } else {
                continue
            }
            if let count = expectation["count"]?.intValue, count != actual {
                failures.append("\(label): expected \(count), got \(actual)")
            }
            if let countIs = expectation["count_is"] {
                let wantsNonzero = countIs.stringValue == "nonzero"
                if wantsNonzero ? actual == 0 : actual != (countIs.intValue ?? 0) {
                    failures.append("\(label): expected \(wantsNonzero ? "nonzero" : "0"), got \(actual)")
                }
            }
        }
        if !sawDetectionExpectation, legacyDetect == false, !priorities.isEmpty {
            failures.append("expected no alerts (legacy detect: false), got \(priorities.count): \(byRule)")
        }
        return failures
    }
}
