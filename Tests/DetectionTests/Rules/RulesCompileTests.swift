import XCTest
@testable import Detection

final class RulesCompileTests: XCTestCase {
    func load(_ text: String) -> (RuleSet, [RulesDiagnostic]) {
        RulesLoader.load(files: [(text, "rules.yaml")])
    }

    func rule(_ condition: String, output: String = "o", extra: String = "") -> String {
        "- rule: R\n  desc: d\n  condition: \(condition)\n  output: \(output)\n  priority: INFO\n\(extra)"
    }

    func testListsAreSubstitutedInTextLikeFalco() throws {
        let (rules, diagnostics) = load("""
        - list: test list
          items: [open, openat]
        - list: nets
          items: ['"10.0.0.0/8"']
        - list: names
          items: [with space, x]
        \(rule("evt.type in (test list) and (fd.snet in (nets) or proc.name in (names))"))
        """)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(try XCTUnwrap(rules.rule(named: "R")).compiledCondition,
                       #"(evt.type in (open, openat) and (fd.snet in (10.0.0.0/8) or proc.name in ("with space", x)))"#)
    }

    func testMacrosOnlySeeEarlierMacros() {
        let (_, diagnostics) = load("""
        - macro: a
          condition: b and proc.name = x
        - macro: b
          condition: evt.type = open
        \(rule("a"))
        """)
        let error = diagnostics.first { $0.severity == .error }
        XCTAssertEqual(error?.message, "Undefined macro 'b' used in filter.")
        XCTAssertEqual(error?.item, RulesItemRef("macro", "a"))
    }

    func testOutputFieldsAreChecked() {
        let (_, bad) = load(rule("evt.type = open", output: "x %proc.nope"))
        XCTAssertEqual(bad.map(\.code), ["LOAD_ERR_COMPILE_OUTPUT"])
        XCTAssertEqual(bad.first?.message, "invalid formatting token proc.nope")
        let (rules, skipped) = load(rule("evt.type = open", output: "x %proc.nope", extra: "  skip-if-unknown-filter: true\n"))
        XCTAssertEqual(skipped.map(\.code), ["LOAD_UNKNOWN_FILTER"])
        XCTAssertEqual(rules.rules.count, 0)
        let (good, none) = load(rule("evt.type = open", output: "x %proc.aname[2] %evt.arg.flags %tolower(fd.name) 100%"))
        XCTAssertEqual(none, [])
        XCTAssertEqual(good.rules.count, 1)
    }

    func testExceptionValidation() {
        let (_, single) = load(rule("evt.type = open", extra: "  exceptions:\n    - name: e\n      fields: proc.name\n      comps: =\n      values: [a]\n"))
        XCTAssertEqual(single.first?.message, "When fields is a single value, comps must be one of (in, pmatch, intersects)")
        let (_, unknown) = load(rule("evt.type = open", extra: "  exceptions:\n    - name: e\n      fields: [not.exist]\n      values: [[a]]\n"))
        XCTAssertEqual(unknown.first?.message, "'not.exist' is not a supported filter field")
        XCTAssertEqual(unknown.first?.item, RulesItemRef("exception", "e"))
    }

    func testK8sAuditRuleEvaluation() throws {
        let (rules, diagnostics) = load("""
        - rule: Secret read
          desc: d
          condition: ka.verb = get and ka.target.resource = secrets and jevt.value[/stage] = ResponseComplete and ka.req.pod.containers.image intersects (nginx)
          output: "%ka.user.name read %ka.target.name"
          priority: WARNING
          source: k8s_audit
        """)
        XCTAssertEqual(diagnostics, [])
        let event = FilterTestEvent(["ka.verb": .string("get"), "ka.target.resource": .string("secrets"),
                                     "jevt.value[/stage]": .string("ResponseComplete"),
                                     "ka.req.pod.containers.image": .list([.string("busybox"), .string("nginx")])],
                                    source: "k8s_audit")
        XCTAssertEqual(rules.matches(event).map(\.name), ["Secret read"])
        XCTAssertEqual(rules.matches(FilterTestEvent([:], source: "syscall")).count, 0)
    }

    func testRegistryIdsAndDynamicFields() throws {
        let registry = FieldRegistry.standard
        let flags = try XCTUnwrap(registry.resolve("evt.arg.flags", argument: nil))
        XCTAssertEqual(flags.argument, "flags")
        XCTAssertEqual(flags.description, "evt.arg.flags")
        XCTAssertEqual(try XCTUnwrap(registry.resolve("evt.arg", argument: "0")).info.id, flags.info.id)
        let ids = Set(["proc.name", "fd.name", "ka.verb", "ct.name"].compactMap { registry.lookup($0)?.id })
        XCTAssertEqual(ids.count, 4)
        XCTAssertTrue(ids.allSatisfy { $0 < registry.idCount })
    }
}
