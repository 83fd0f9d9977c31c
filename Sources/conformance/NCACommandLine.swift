import Foundation
import NetPolicy
import PalisadeCore

/// `tests/k8s_cmdline_tests.yaml`: one case per entry. The arguments become
/// a two-configuration scheme (the query's policies and `--base_*`), run by
/// the same query runner; the result follows NCA's command-line convention
/// (0/1 per query), and `--expected_output` is compared like a scheme golden.
enum NCACommandLine {
    static func units(root: String, options: ConformanceOptions) -> [ConformanceUnit] {
        let tests = "\(root)/tests"
        let file = "tests/k8s_cmdline_tests.yaml"
        guard let text = try? String(contentsOfFile: "\(tests)/k8s_cmdline_tests.yaml", encoding: .utf8),
              let entries = (try? YAMLReader.decode(text, file: file))?.arrayValue else { return [] }
        return entries.compactMap { entry in
            let name = entry["name"]?.stringValue ?? "?"
            guard options.selects(file, name) else { return nil }
            let args = (entry["args"]?.stringValue ?? "").split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
            let expected = entry["expected"]?.intValue ?? 0
            return ConformanceUnit(file: file, name: name, timeLimit: options.timeout * 10) {
                [CaseResult(file: file, name: name, failure: judge(args: args, expected: expected, tests: tests))]
            }
        }
    }

    static let queryFlags: [String: String] = [
        "--connectivity": "connectivityMap", "--sanity": "sanity", "--equiv": "twoWayContainment",
        "--semantic_diff": "semanticDiff", "--interferes": "interferes", "--permits": "permits", "--forbids": "forbids",
    ]

    struct Arguments {
        var query: String?
        var policies: String?
        var values: [String: [String]] = [:]
        var flags: Set<String> = []
    }

    static func parse(_ args: [String]) -> Arguments {
        var parsed = Arguments()
        var i = 0
        while i < args.count {
            let arg = args[i]
            let next = i + 1 < args.count && !args[i + 1].hasPrefix("-") ? args[i + 1] : nil
            if let query = queryFlags[arg] {
                parsed.query = query
                parsed.policies = next
                i += next == nil ? 1 : 2
            } else if let next {
                let key = ["-o": "--output_format", "-r": "--resource_list"][arg] ?? arg
                parsed.values[key, default: []].append(next)
                i += 2
            } else {
                parsed.flags.insert(arg)
                i += 1
            }
        }
        return parsed
    }

    static func judge(args: [String], expected: Int, tests: String) -> String? {
        let parsed = parse(args)
        if parsed.values["--explain"] != nil { return "--explain is not implemented" }
        guard let type = parsed.query else { return "no query flag in the arguments" }
        let config = NCAScheme.Config(name: "query", policies: parsed.policies.map { [$0] }, namespaceList: parsed.values["--ns_list"],
                                      podList: parsed.values["--pod_list"], resourceList: parsed.values["--resource_list"])
        let base = NCAScheme.Config(name: "base", policies: parsed.values["--base_np_list"],
                                    namespaceList: parsed.values["--base_ns_list"] ?? parsed.values["--ns_list"],
                                    podList: parsed.values["--base_pod_list"] ?? parsed.values["--pod_list"],
                                    resourceList: parsed.values["--base_resource_list"] ?? parsed.values["--resource_list"])
        let twoConfigs = !["connectivityMap", "sanity"].contains(type)
        var subset: [Value: Value] = [:]
        if let ns = parsed.values["--namespace_subset"]?.joined(separator: ",") { subset[.string("namespace_subset")] = .string(ns) }
        if let deps = parsed.values["--deployment_subset"]?.joined(separator: ",") { subset[.string("deployment_subset")] = .string(deps) }
        if let blocks = parsed.values["--label_subset"] {
            subset[.string("label_subset")] = .array(blocks.map { block in
                var labels: [Value: Value] = [:]
                for pair in block.split(separator: ",") {
                    let kv = pair.split(separator: ":", maxSplits: 1).map(String.init)
                    if kv.count == 2 { labels[.string(kv[0])] = .string(kv[1]) }
                }
                return .object(labels)
            })
        }
        // Semantic diff reads base → query; the other comparisons measure the query set against the base.
        let refs = !twoConfigs ? ["query"] : (type == "semanticDiff" ? ["base", "query"] : ["base", "query"])
        let query = NCAScheme.Query(name: type, type: type, configs: refs, expected: expected,
                                    expectedOutput: parsed.values["--expected_output"]?.first, expectedNotExecuted: nil,
                                    format: parsed.values["--output_format"]?.first ?? "txt", outputEndpoints: parsed.values["--output_endpoints"]?.first,
                                    subset: subset.isEmpty ? nil : .object(subset))
        let scheme = NCAScheme(directory: tests, configs: twoConfigs ? [config, base] : [config], queries: [query])
        let runner = NCAQueryRunner(scheme: scheme)
        do {
            for name in query.configs {
                let built = try runner.config(named: name)
                if !built.errors.isEmpty { return "config \(name): \(built.errors.joined(separator: "; "))" }
            }
            let count = try runner.run(query)
            let result = commandLineResult(type, count: count.count, runner: runner)
            if result != expected { return "expected \(expected), got \(result)" }
        } catch {
            return "\(error)"
        }
        if let golden = query.expectedOutput, ["connectivityMap", "semanticDiff"].contains(type) {
            guard ["txt", "yaml", "json", "csv", "md", "txt_no_fw_rules"].contains(query.format) else { return "\(query.format) golden output is not compared yet" }
            return NCAGoldenCheck(runner: runner).check(query, goldenPath: "\(tests)/\(golden)")
        }
        return nil
    }

    /// NCA's command line reports 0 or 1 per query, with its own polarity.
    static func commandLineResult(_ type: String, count: Int, runner: NCAQueryRunner) -> Int {
        switch type {
        case "connectivityMap": return 0
        case "twoWayContainment": return count == 3 || count == 0 && (try? sameSets(runner)) == true ? 0 : 1
        case "interferes": return count == 1 ? 0 : 1
        default: return count > 0 ? 1 : 0
        }
    }

    static func sameSets(_ runner: NCAQueryRunner) throws -> Bool {
        let a = try runner.resolve("base").configuration, b = try runner.resolve("query").configuration
        return a.hasSameTopology(as: b) && a.hasSamePolicies(as: b)
    }
}
