import Detection
import Foundation
import PalisadeCore

/// Falco end-to-end regression cases in DIR (cases_k8saudit.yaml,
/// cases_syscall.yaml): rules files loaded in order, an input replayed through
/// the engine, and the expected alert counts, load errors/warnings, exit code.
/// Cases whose input is not in the corpus (`UNAVAILABLE:`) are listed as unavailable, not passed.
///
/// Options honoured: json_output, `-o json_include_*_property`, `-o
/// time_format_iso_8601`, EnabledTags/DisabledTags, and the legacy spec's `disabled_rules` (-D). Ignored, because they do
/// not change which alerts are raised here: `config` (stdout/file outputs and
/// syscall drop handling, which needs a live driver), `all_events`, `-o
/// file_output.*`.
struct FalcoRegressionConformance: ConformanceSuite {
    static let files = ["cases_k8saudit.yaml", "cases_syscall.yaml"]

    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        var units: [ConformanceUnit] = []
        var unavailable: [String] = []
        for file in Self.files {
            let path = (options.directory as NSString).appendingPathComponent(file)
            let document = try YAMLReader.decode(try String(contentsOfFile: path, encoding: .utf8), file: path)
            for entry in document.arrayValue ?? [] {
                let regression = FalcoRegressionCase(entry, directory: options.directory, sources: Self.sources(file))
                guard options.selects(file, regression.name) else { continue }
                if let why = regression.unavailableReason {
                    unavailable.append("UNAVAILABLE \(file): \(regression.name) — \(why)")
                    continue
                }
                units.append(ConformanceUnit(file: file, name: regression.name, timeLimit: options.timeout * 3 + 10) {
                    [CaseResult(file: file, name: regression.name, failure: regression.failure())]
                })
            }
        }
        if options.workerStart == nil {
            for line in unavailable where options.verbose { print(line) }
            print("\(unavailable.count) unavailable (inputs not in the corpus)")
        }
        return units
    }

    /// The event sources Falco knows in each file's runs: the syscall cases
    /// run without plugins, the k8saudit cases load the k8saudit and json plugins.
    static func sources(_ file: String) -> Set<String> {
        file == "cases_k8saudit.yaml" ? ["syscall", "k8s_audit"] : ["syscall"]
    }
}

/// One regression case.
struct FalcoRegressionCase: Sendable {
    let entry: Value
    let directory: String
    let loaderOptions: RulesLoaderOptions

    init(_ entry: Value, directory: String, sources: Set<String>) {
        self.entry = entry
        self.directory = directory
        var loaderOptions = RulesLoaderOptions()
        loaderOptions.sources = sources
        self.loaderOptions = loaderOptions
    }

    var name: String { entry["name"]?.stringValue ?? "?" }
    var expectations: [Value] { entry["expect"]?.arrayValue ?? [] }
    var options: Value { entry["falco_options"] ?? .null }

    /// Why the case cannot run here, or nil.
    var unavailableReason: String? {
        guard let input = entry["input"]?.stringValue else { return nil }
        return input.hasPrefix("UNAVAILABLE") ? "input \(input)" : nil
    }

    func path(_ relative: String) -> String { (directory as NSString).appendingPathComponent(relative) }

    func load() -> (ruleSet: RuleSet, errors: [RulesDiagnostic]) {
        var files: [(text: String, file: String)] = []
        for name in entry["rules_files"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            let text = (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? ""
            files.append((text, name))
        }
        let (ruleSet, diagnostics) = RulesLoader.load(files: files, options: loaderOptions)
        return (ruleSet, diagnostics)
    }

    func failure() -> String? {
        var run = entry["validate_rules_files"] != nil ? validate() : detect()
        run.json = options["json_output"]?.boolValue ?? false
        var problems: [String] = []
        for expectation in expectations {
            if let problem = run.check(expectation) { problems.append(problem) }
        }
        if !expectations.contains(where: { $0["detections"] != nil }), let problem = run.checkLegacy(entry["legacy_spec"]?["spec"]) {
            problems.append(problem)
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// `falco -V file…`: every file loaded in order into one engine.
    func validate() -> FalcoRegressionRun {
        var loader = RulesLoader(options: loaderOptions)
        var run = FalcoRegressionRun()
        for name in entry["validate_rules_files"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            let start = loader.diagnostics.count
            let text = (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? ""
            if loader.load(text, file: name) { _ = loader.compile() }
            let own = Array(loader.diagnostics[start...])
            run.perFile.append(own)
            run.diagnostics += own
        }
        run.falcoError = run.diagnostics.contains { $0.severity == .error }
        return run
    }

    /// `falco -r file… -e input`: load, replay, collect alerts.
    func detect() -> FalcoRegressionRun {
        var run = FalcoRegressionRun()
        let (ruleSet, diagnostics) = load()
        run.diagnostics = diagnostics
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            run.falcoError = true
            run.stderr += diagnostics.map(\.description)
            return run
        }
        var detectOptions = DetectionOptions(hostname: "palisade")
        detectOptions.format = formatOptions
        if let tags = options["EnabledTags"]?.arrayValue?.compactMap(\.stringValue) { detectOptions.enabledTags = Set(tags) }
        // `-D` survives only in the verbatim falco 0.34 spec.
        let disabled = entry["legacy_spec"]?["spec"]?["disabled_rules"]?.arrayValue?.compactMap(\.stringValue) ?? []
        detectOptions.disabledRuleSubstrings = disabled
        if let tags = options["DisabledTags"]?.arrayValue?.compactMap(\.stringValue) { detectOptions.disabledTags = Set(tags) }
        let engine = DetectionEngine(rules: ruleSet, options: detectOptions)
        let renderer = AlertRenderer(options: detectOptions.format)
        for event in events(&run) {
            for alert in engine.process(event) {
                run.alerts.append(alert)
                run.stdout.append(renderer.json(alert))
            }
        }
        return run
    }

    var formatOptions: AlertFormatOptions {
        var format = AlertFormatOptions()
        let args = options["args"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for arg in args {
            let parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let flag = parts[1] == "true"
            switch parts[0] {
            case "json_include_output_property": format.includeOutput = flag
            case "json_include_tags_property": format.includeTags = flag
            case "json_include_output_fields_property": format.includeOutputFields = flag
            case "json_include_message_property": format.includeMessage = flag
            case "time_format_iso_8601": format.timeFormatISO8601 = flag
            default: break
            }
        }
        return format
    }

    func events(_ run: inout FalcoRegressionRun) -> [any FieldSource] {
        guard let input = entry["input"]?.stringValue else { return [] }
        if input.hasSuffix(".scap") {
            do { return try SyscallReplay.load(path: path(input)) } catch {
                run.stderr.append("\(error)")
                run.falcoError = true
                return []
            }
        }
        guard let data = FileManager.default.contents(atPath: path(input)) else {
            run.stderr.append("cannot read \(input)")
            return []
        }
        do {
            let result = try AuditEventDecoder.decodeReporting(Array(data), maxBytes: 64 << 20)
            run.stderr += result.errors.map(\.description)
            return result.events
        } catch {
            run.stderr.append("\(error)")
            return []
        }
    }
}

/// What one regression run produced, and the checks of its expectations.
struct FalcoRegressionRun {
    var diagnostics: [RulesDiagnostic] = []
    var perFile: [[RulesDiagnostic]] = []
    var alerts: [Alert] = []
    var stdout: [String] = []
    var stderr: [String] = []
    var falcoError = false
    var json = false

    var exitCode: Int { falcoError ? 1 : 0 }

    func check(_ expectation: Value) -> String? {
        if let filter = expectation["detections"] { return checkDetections(filter, expectation) }
        if let flag = expectation["falco_error"]?.boolValue {
            return flag == falcoError ? nil : "falco_error \(falcoError), expected \(flag)"
        }
        if let code = expectation["exit_code"]?.intValue {
            return code == exitCode ? nil : "exit code \(exitCode), expected \(code)"
        }
        if let item = expectation["validation_errors"] { return checkDiagnostic(item, .error, expectation["present"]) }
        if let item = expectation["validation_warnings"] { return checkDiagnostic(item, .warning, expectation["present"]) }
        if let total = expectation["validation_errors_total"]?.intValue {
            let count = diagnostics.filter { $0.severity == .error }.count
            return count == total ? nil : "\(count) validation errors, expected \(total)"
        }
        if let flag = expectation["validation_result_successful"]?.boolValue {
            let index = expectation["file_index"]?.intValue ?? 0
            let ok = index < perFile.count && !perFile[index].contains { $0.severity == .error }
            return ok == flag ? nil : "validation of file \(index) successful \(ok), expected \(flag)"
        }
        if let pattern = expectation["stderr_regexp"]?.stringValue { return matchLines(stderr, pattern, want: true, "stderr") }
        if let pattern = expectation["stderr_notregexp"]?.stringValue { return matchLines(stderr, pattern, want: false, "stderr") }
        if let pattern = expectation["stdout_regexp"]?.stringValue { return matchLines(stdout, pattern, want: true, "stdout") }
        if let pattern = expectation["stdout_notregexp"]?.stringValue { return matchLines(stdout, pattern, want: false, "stdout") }
        return nil
    }

    func checkDetections(_ filter: Value, _ expectation: Value) -> String? {
        let selected: [Alert]
        var label = "all"
        if let rule = filter["rule"]?.stringValue {
            selected = alerts.filter { $0.rule == rule }
            label = "rule \(rule)"
        } else if let priority = filter["priority"]?.stringValue {
            selected = alerts.filter { $0.priority.name.lowercased().contains(priority.lowercased()) }
            label = "priority \(priority)"
        } else {
            selected = alerts
        }
        if let count = expectation["count"]?.intValue, selected.count != count {
            return "\(label): \(selected.count) alerts, expected \(count)\(summary)"
        }
        switch expectation["count_is"] {
        case .string("nonzero")? where selected.isEmpty: return "\(label): no alerts, expected some\(summary)"
        case .number(let zero)? where zero.intValue == 0 && !selected.isEmpty: return "\(label): \(selected.count) alerts, expected 0\(summary)"
        default: return nil
        }
    }

    var summary: String {
        var counts: [String: Int] = [:]
        for alert in alerts { counts[alert.rule, default: 0] += 1 }
        return " (got \(counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")))"
    }

    func checkDiagnostic(_ item: Value, _ severity: RulesDiagnostic.Severity, _ present: Value?) -> String? {
        let want = present?.boolValue ?? true
        let found = diagnostics.contains { diagnostic in
            guard diagnostic.severity == severity else { return false }
            if let code = item["code"]?.stringValue, code.lowercased() != diagnostic.code.lowercased() { return false }
            if let type = item["item_type"]?.stringValue, type != (diagnostic.item?.type ?? "") { return false }
            if let name = item["item_name"]?.stringValue, name != (diagnostic.item?.name ?? "") { return false }
            if let message = item["message"]?.stringValue, message != diagnostic.message { return false }
            return true
        }
        guard found != want else { return nil }
        return "\(severity) \(JSONWriter.string(item)) present \(found), expected \(want); got \(diagnostics.map(\.description))"
    }

    func matchLines(_ lines: [String], _ pattern: String, want: Bool, _ stream: String) -> String? {
        guard let regex = try? RE2Regex(pattern) else { return "bad pattern \(pattern)" }
        let found = lines.contains { regex.firstMatch(in: $0) != nil }
        return found == want ? nil : "\(stream) \(want ? "lacks" : "has") /\(pattern)/"
    }

    /// falco 0.34 test spec: `detect`, `detect_counts`, `exit_status`.
    func checkLegacy(_ spec: Value?) -> String? {
        guard let spec, spec["validate_rules_file"] == nil else { return nil }
        if let counts = spec["detect_counts"]?.arrayValue {
            for entry in counts {
                guard case .object(let pairs) = entry else { continue }
                for (key, value) in pairs {
                    guard let rule = key.stringValue, let count = value.intValue else { continue }
                    let got = alerts.filter { $0.rule == rule }.count
                    if got != count { return "legacy: rule \(rule): \(got) alerts, expected \(count)\(summary)" }
                }
            }
        }
        if spec["detect"]?.boolValue == false, !alerts.isEmpty, spec["exit_status"] == nil {
            return "legacy: \(alerts.count) alerts, expected none\(summary)"
        }
        return nil
    }
}
