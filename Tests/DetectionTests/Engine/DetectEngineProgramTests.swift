import XCTest
@testable import Detection

/// The engine's flattened conditions (FilterProgram, with the `evt.type`
/// checks dispatch guarantees folded) must decide exactly as the compiled
/// filters do.
final class DetectEngineProgramTests: XCTestCase {
    func program(_ condition: String, types: Set<String>? = nil) throws -> (FilterProgram, CompiledFilter) {
        var compiler = FilterCompiler()
        let filter = try compiler.compile(FilterParser.parse(condition))
        guard let types else { return (FilterProgram(filter), filter) }
        return (FilterProgram(filter) { EventTypeImplication.isImplied($0, allowed: types) }, filter)
    }

    func testShortCircuitBooleanStructure() throws {
        let bash = FilterTestEvent(["proc.name": .string("bash"), "fd.name": .string("/etc/passwd")], type: "openat")
        for condition in ["proc.name = bash and fd.name startswith /etc",
                          "proc.name = sh or fd.name startswith /usr",
                          "not (proc.name = sh or not fd.name contains passwd)",
                          "(proc.name in (sh, zsh) or fd.name = /etc/passwd) and not proc.name = cron",
                          "proc.name = bash and (fd.name = /x or fd.name = /y or fd.name endswith wd) and not fd.name = /z"] {
            let (flat, tree) = try program(condition)
            XCTAssertEqual(flat.matches(bash), tree.matches(bash), condition)
        }
    }

    func testEventTypeChecksImpliedByDispatch() throws {
        let openat = FilterTestEvent(["proc.name": .string("bash")], type: "openat")
        let (flat, _) = try program("evt.type in (open, openat) and proc.name = bash", types: ["open", "openat"])
        XCTAssertEqual(flat.steps.count, 3, "the evt.type check becomes a constant")
        XCTAssertTrue(flat.matches(openat))
        let comparison = { (text: String) throws -> CompiledComparison in
            var compiler = FilterCompiler()
            guard case .comparison(let c) = try compiler.compile(FilterParser.parse(text)) else { throw XCTSkip("not a comparison") }
            return c
        }
        XCTAssertTrue(EventTypeImplication.isImplied(try comparison("evt.type = openat"), allowed: ["openat"]))
        XCTAssertFalse(EventTypeImplication.isImplied(try comparison("evt.type = openat"), allowed: ["openat", "open"]))
        XCTAssertTrue(EventTypeImplication.isImplied(try comparison("evt.type != execve"), allowed: ["openat"]))
        XCTAssertFalse(EventTypeImplication.isImplied(try comparison("evt.type != openat"), allowed: ["openat"]))
        XCTAssertFalse(EventTypeImplication.isImplied(try comparison("proc.name in (openat)"), allowed: ["openat"]))
    }

    /// Over the synthetic stream and the stable rules, the engine matches
    /// what trying every rule's compiled filter in order matches.
    func testEngineAgreesWithRuleFiltersOnSyntheticStream() throws {
        let path = SharedCorpus.root + "/conformance/falco/rules/falco_rules.yaml"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw XCTSkip("shared rules absent: \(path)")
        }
        let (ruleSet, _) = RulesLoader.load(files: [(text, path)])
        var options = DetectionOptions()
        options.ruleMatching = .all
        let engine = DetectionEngine(rules: ruleSet, options: options)
        var stream = SyscallSyntheticStream(seed: 42)
        var matched = 0
        for event in stream.events(20_000) {
            let expected = engine.rules.indices.filter { engine.rules[$0].matches(event) }
            XCTAssertEqual(engine.matchingRules(event), expected, "event \(event.number) \(event.type)")
            matched += expected.count
        }
        XCTAssertGreaterThan(matched, 0)
    }
}
