import XCTest
@testable import Detection

final class FilterEvaluationTests: XCTestCase {
    let event = FilterTestEvent([
        "proc.name": .string("bash"),
        "proc.aname[2]": .string("sshd"),
        "fd.name": .string("/etc/Shadow"),
        "proc.pid": .integer(42),
        "fd.sip": .ipAddress([10, 1, 2, 3]),
        "fd.snet": .ipAddress([10, 1, 2, 3]),
        "evt.buffer": .bytes([0x48, 0x45, 0x4c, 0x4c, 0x4f]),
        "evt.is_open_read": .bool(true),
    ], type: "openat")

    func check(_ condition: String, _ expected: Bool, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(try filterEvaluate(condition, event), expected, condition, file: file, line: line)
    }

    func testStringOperators() {
        check("proc.name = bash and proc.name != sh", true)
        check("fd.name startswith /etc and fd.name endswith Shadow", true)
        check("fd.name contains shad", false)
        check("fd.name icontains shad", true)
        check("fd.name glob '/etc/*'", true)
        check("fd.name iglob '/ETC/s*'", true)
        check("fd.name regex '/etc/[A-Z]hadow'", true)
        check("fd.name regex 'etc'", false)
        check("fd.name pmatch (/etc, /usr)", true)
        check("fd.name pmatch (/et)", false)
        check("proc.aname[2] = sshd", true)
    }

    func testListAndModifierOperators() {
        check("proc.name in (sh, bash)", true)
        check("proc.name intersects (zsh)", false)
        check("proc.name startswith oneof (ba, b)", false)
        check("proc.name startswith anyof (ba, z)", true)
        check("proc.name contains allof (ba, sh)", true)
    }

    func testTypedComparisons() {
        check("proc.pid > 40 and proc.pid <= 42 and proc.pid in (1, 42)", true)
        check("fd.sip = 10.1.2.3", true)
        check("fd.snet = 10.0.0.0/8 and not fd.snet in (192.168.0.0/16)", true)
        check("evt.buffer bcontains 454c4c", true)
        check("evt.buffer bstartswith 4546", false)
        check("evt.is_open_read = true", true)
    }

    func testTransformersAndMissingFields() {
        check("toupper(proc.name) = BASH and len(proc.name) = 4", true)
        check("basename(fd.name) = Shadow", true)
        check("proc.name = val(proc.aname[2])", false)
        check("user.name exists", false)
        check("not user.name = root", true)
    }

    func testTypeErrorsAndWarnings() throws {
        for text in ["proc.pid contains 1", "evt.is_open_read > true", "fd.ip = nope", "proc.pid = 1.5",
                     "nosuch.field = 1", "toupper(fd.name)[x] = foo", "evt.buffer bcontains 4"] {
            var compiler = FilterCompiler()
            XCTAssertThrowsError(try compiler.compile(FilterParser.parse(text)), text)
        }
        var compiler = FilterCompiler()
        _ = try compiler.compile(FilterParser.parse("evt.source regex ^syscall$ or proc.name = proc.pname"))
        XCTAssertEqual(compiler.warnings.count, 2)
    }

    func testEventTypeSets() throws {
        XCTAssertEqual(EventTypeSet.of(try FilterParser.parse("evt.type in (open, openat) and proc.name = x")), .only(["open", "openat"]))
        XCTAssertEqual(EventTypeSet.of(try FilterParser.parse("evt.type = open or evt.type = close")), .only(["open", "close"]))
        XCTAssertEqual(EventTypeSet.of(try FilterParser.parse("not evt.type = open")), .allExcept(["open"]))
        XCTAssertEqual(EventTypeSet.of(try FilterParser.parse("not proc.name = x")), .all)
        XCTAssertEqual(EventTypeSet.of(try FilterParser.parse("evt.type = open and evt.type = close")), .none)
    }
}
