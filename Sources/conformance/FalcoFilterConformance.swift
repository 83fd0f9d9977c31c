import Detection
import Foundation
import PalisadeCore

/// libsinsp filter-language cases in DIR (parser_cases.yaml, compiler_cases.yaml):
/// accept/reject parsing, evaluation against a mock event, type-check
/// outcomes with warning counts, and exact compile error messages.
struct FalcoFilterConformance: ConformanceSuite {
    func units(_ options: ConformanceOptions) throws -> [ConformanceUnit] {
        try ConformanceSuites.checkDirectory(options.directory)
        return ["parser_cases.yaml", "compiler_cases.yaml"].map { name in
            let path = (options.directory as NSString).appendingPathComponent(name)
            return ConformanceUnit(file: name, name: "(file)", timeLimit: options.timeout * 30 + 30) {
                let document: Value
                do {
                    document = try YAMLReader.decode(try String(contentsOfFile: path, encoding: .utf8), file: path)
                } catch {
                    return [CaseResult(file: name, name: "(file)", failure: "\(error)")]
                }
                return FalcoFilterCases.run(document, file: name).filter { options.selects($0.file, $0.name) }
            }
        }
    }
}

/// Runs the cases of one filter-language file.
enum FalcoFilterCases {
    static func run(_ document: Value, file: String) -> [CaseResult] {
        var results: [CaseResult] = []
        for (index, text) in strings(document["accept"]).enumerated() {
            results.append(CaseResult(file: file, name: "accept #\(index): \(text)", failure: acceptFailure(text)))
        }
        for (index, text) in strings(document["reject"]).enumerated() {
            let failure = (try? FilterParser.parse(text)) != nil ? "parsed, but must be rejected" : nil
            results.append(CaseResult(file: file, name: "reject #\(index): \(text)", failure: failure))
        }
        for (index, entry) in (document["reject_with_message"]?.arrayValue ?? []).enumerated() {
            let text = entry["filter"]?.stringValue ?? ""
            let message = entry["message"]?.stringValue ?? ""
            results.append(CaseResult(file: file, name: "reject_with_message #\(index): \(text)",
                                      failure: rejectMessageFailure(text, message)))
        }
        for (index, entry) in (document["run"]?.arrayValue ?? []).enumerated() {
            let text = entry["filter"]?.stringValue ?? ""
            results.append(CaseResult(file: file, name: "run #\(index): \(text)",
                                      failure: runFailure(text, expected: entry["expected"]?.boolValue ?? false)))
        }
        for (index, entry) in (document["compile"]?.arrayValue ?? []).enumerated() {
            let text = entry["filter"]?.stringValue ?? ""
            results.append(CaseResult(file: file, name: "compile #\(index): \(text)",
                                      failure: compileFailure(text, entry)))
        }
        for (index, entry) in (document["compile_msg"]?.arrayValue ?? []).enumerated() {
            let text = entry["filter"]?.stringValue ?? ""
            let message = entry["expected_error"]?.stringValue ?? ""
            results.append(CaseResult(file: file, name: "compile_msg #\(index): \(text)",
                                      failure: compileMessageFailure(text, message)))
        }
        return results
    }

    static func strings(_ value: Value?) -> [String] {
        (value?.arrayValue ?? []).compactMap { $0.stringValue }
    }

    /// Accepted strings must also parse with spaces turned into newlines or tabs.
    static func acceptFailure(_ text: String) -> String? {
        for variant in [text, text.replacingOccurrences(of: " ", with: "\n"), text.replacingOccurrences(of: " ", with: "\t")] {
            do { _ = try FilterParser.parse(variant) } catch { return "rejected \(variant.debugDescription): \(error)" }
        }
        return nil
    }

    static func rejectMessageFailure(_ text: String, _ message: String) -> String? {
        do {
            _ = try FilterParser.parse(text)
            return "parsed, but must be rejected"
        } catch {
            return error.message.contains(message) ? nil : "message \"\(error.message)\" does not contain \"\(message)\""
        }
    }

    static func compile(_ text: String) throws -> (CompiledFilter, [String]) {
        let expr = try FilterParser.parse(text)
        var compiler = FilterCompiler(registry: mockRegistry)
        let filter = try compiler.compile(expr)
        return (filter, compiler.warnings)
    }

    static func runFailure(_ text: String, expected: Bool) -> String? {
        do {
            let (filter, _) = try compile(text)
            let result = filter.matches(MockEvent())
            return result == expected ? nil : "evaluated to \(result), expected \(expected)"
        } catch {
            return "failed to compile: \(error)"
        }
    }

    static func compileFailure(_ text: String, _ entry: Value) -> String? {
        let expectFail = entry["expect_fail"]?.boolValue ?? false
        let expectedWarnings = entry["expected_warnings"]?.intValue ?? 0
        do {
            let (_, warnings) = try compile(text)
            if expectFail { return "compiled, but must fail" }
            return warnings.count == expectedWarnings ? nil : "\(warnings.count) warnings \(warnings), expected \(expectedWarnings)"
        } catch {
            return expectFail ? nil : "failed: \(error)"
        }
    }

    static func compileMessageFailure(_ text: String, _ message: String) -> String? {
        do {
            _ = try compile(text)
            return "compiled, but must fail with \"\(message)\""
        } catch {
            let got = "\(error)"
            return got == message ? nil : "message \"\(got)\", expected \"\(message)\""
        }
    }

    /// The standard fields plus the test suite's mock `c.*` fields.
    static let mockRegistry: FieldRegistry = {
        var registry = FieldRegistry.standard
        for name in ["c.true", "c.false", "c.doublequote", "c.singlequote"] {
            registry.add(FieldInfo(name: name, type: .string))
        }
        registry.add(FieldInfo(name: "c.buffer", type: .bytes))
        return registry
    }()

    /// c.true reads "1", c.false "0"; the quote fields hold the strings their tests expect.
    struct MockEvent: FieldSource {
        var source: String { "syscall" }
        var eventType: String? { nil }

        func extract(_ field: FieldRef) -> FieldValue? {
            switch field.name {
            case "c.true": return .string("1")
            case "c.false": return .string("0")
            case "c.doublequote": return .string("hello \"quoted\"")
            case "c.singlequote": return .string("hello 'quoted'")
            case "c.buffer": return .bytes([])
            default: return nil
            }
        }
    }
}
