import XCTest
import PalisadeCore
@testable import Detection

final class RulesLoaderTests: XCTestCase {
    func load(_ files: String...) -> (RuleSet, [RulesDiagnostic]) {
        RulesLoader.load(files: files.enumerated().map { ($0.element, "f\($0.offset).yaml") })
    }

    let base = """
    - list: shells
      items: [bash, sh]
    - macro: spawned
      condition: evt.type in (execve, execveat)
    - rule: Shell
      desc: a shell
      condition: spawned and proc.name in (shells)
      output: shell %proc.name
      priority: WARNING
      tags: [process]
    """

    func testListsMacrosAndLaterFilesAmend() throws {
        let (rules, diagnostics) = load(base, """
        - list: shells
          items: [zsh]
          override:
            items: append
        - rule: Shell
          exceptions:
            - name: trusted
              fields: [proc.pname, fd.name]
              comps: [=, startswith]
              values:
                - [sshd, /tmp/x y]
          override:
            exceptions: append
        """)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        let rule = try XCTUnwrap(rules.rule(named: "Shell"))
        XCTAssertEqual(rule.compiledCondition,
                       #"((evt.type in (execve, execveat) and proc.name in (bash, sh, zsh)) and not (proc.pname = sshd and fd.name startswith "/tmp/x y"))"#)
        XCTAssertEqual(rule.definition.priority, .warning)
        XCTAssertEqual(rule.eventTypes, .only(["execve", "execveat"]))
    }

    func testExceptionsCompileIntoCondition() throws {
        let (rules, _) = load(base.replacingOccurrences(of: "  tags: [process]", with: """
          exceptions:
            - name: trusted
              fields: [proc.pname, fd.name]
              comps: [=, startswith]
              values:
                - [sshd, /tmp/x y]
            - name: single
              fields: proc.cmdline
              values: [a, b c]
        """))
        let rule = try XCTUnwrap(rules.rule(named: "Shell"))
        XCTAssertEqual(rule.compiledCondition,
                       #"((evt.type in (execve, execveat) and proc.name in (bash, sh)) and not (proc.pname = sshd and fd.name startswith "/tmp/x y") and not proc.cmdline in (a, "b c"))"#)
        let event = FilterTestEvent(["proc.name": .string("bash"), "proc.pname": .string("sshd"),
                                     "fd.name": .string("/tmp/x y/z"), "proc.cmdline": .string("q")], type: "execve")
        XCTAssertEqual(rules.matches(event).map(\.name), [])
        var other = event
        other.values["proc.pname"] = .string("cron")
        XCTAssertEqual(rules.matches(other).map(\.name), ["Shell"])
    }

    func testErrorsCarryFileLineAndFalcoMessages() throws {
        let (_, diagnostics) = load("""
        - rule: A
          desc: d
          condition: evt.type = open
          output: o
          priority: INFO

        - rule: B
          condition: and proc.name = x
          append: true
        """)
        let error = try XCTUnwrap(diagnostics.first { $0.severity == .error })
        XCTAssertEqual(error.message, "Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists")
        XCTAssertEqual(error.location.file, "f0.yaml")
        XCTAssertEqual(error.location.line, 7)
        XCTAssertTrue(diagnostics.contains { $0.severity == .warning && $0.code == "LOAD_DEPRECATED_ITEM" })
    }

    func testEngineVersionPriorityAndUnknownItems() {
        let (_, tooNew) = load("- required_engine_version: 9999999\n")
        XCTAssertTrue(tooNew.contains { $0.message.hasPrefix("Rules require engine version 0.9999999.0") })
        let (_, semver) = load("- required_engine_version: 0.26.0\n- foo: bar\n")
        XCTAssertEqual(semver.map(\.code), ["LOAD_UNKNOWN_ITEM"])
        let (_, priority) = load("- rule: A\n  desc: d\n  condition: evt.type=open\n  output: o\n  priority: LOUD\n")
        XCTAssertEqual(priority.first?.message, "Invalid priority")
    }

    func testUndefinedMacroAndUnknownSource() {
        let (_, undefined) = load("- rule: A\n  desc: d\n  condition: evt.type=open and nope\n  output: o\n  priority: INFO\n")
        XCTAssertEqual(undefined.first?.code, "LOAD_ERR_VALIDATE")
        XCTAssertEqual(undefined.first?.message, "Undefined macro 'nope' used in filter.")
        let (rules, unknown) = load("- rule: A\n  desc: d\n  condition: x.y = 1\n  output: o\n  priority: INFO\n  source: mars\n")
        XCTAssertEqual(unknown.map(\.code), ["LOAD_UNKNOWN_SOURCE"])
        XCTAssertEqual(rules.rules.count, 0)
    }

    func testNoEventTypeWarningAndYamlQuirks() {
        let (_, broad) = load("- rule: A\n  desc: d\n  condition: proc.name = cat\n  output: o\n  priority: info\n")
        XCTAssertEqual(broad.map(\.code), ["LOAD_NO_EVTTYPE"])
        let (_, quirks) = load("- rule: A\n  desc: != odd\n  condition: evt.type=open\n  output: o\n  priority: info\n  exceptions:\n    - name: e\n      fields: [proc.name]\n      comps: [=]\n      values: [[x]]\n")
        XCTAssertEqual(quirks.filter { $0.severity == .error }, [])
    }
}
