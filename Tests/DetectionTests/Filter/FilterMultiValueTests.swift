import XCTest
@testable import Detection

/// Comparisons on fields yielding several values, as libsinsp defines them:
/// ancestors (filter/checks/thread.cpp compare_full_aname/apid: any ancestor
/// satisfying the operator), connection ends (filter/checks/fd.cpp compare_ip,
/// compare_net, compare_port: either end, `!=` needs both to differ) and list
/// fields (sinsp_filtercheck.cpp compare_rhs_multi: `in` all, `intersects` any).
final class FilterMultiValueTests: XCTestCase {
    /// bash ← sshd ← systemd; a connection 10.0.0.5:41000 → 192.168.1.9:443.
    let event = FilterTestEvent([
        "proc.aname": .list([.string("sshd"), .string("systemd")]),
        "proc.apid": .list([.integer(812), .integer(1)]),
        "fd.ip": .list([.ipAddress([10, 0, 0, 5]), .ipAddress([192, 168, 1, 9])]),
        "fd.net": .list([.ipAddress([10, 0, 0, 5]), .ipAddress([192, 168, 1, 9])]),
        "fd.port": .list([.integer(41000), .integer(443)]),
    ], type: "connect")

    func check(_ condition: String, _ expected: Bool, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(try filterEvaluate(condition, event), expected, condition, file: file, line: line)
    }

    func testAncestorNameMatchesWhenAnyAncestorSatisfiesTheOperator() {
        check("proc.aname in (sshd, sudo)", true)
        check("proc.aname in (cron, sudo)", false)
        check("proc.aname = systemd", true)
        check("proc.aname intersects (systemd)", true)
        check("proc.aname startswith sys", true)
        check("proc.aname contains shd", true)
        check("proc.aname glob 'sy*'", true)
        check("proc.aname pmatch (/usr, /etc)", false)
        check("proc.aname endswith cron", false)
    }

    func testAncestorNotEqualIsTrueWhenSomeAncestorDiffers() {
        // compare_full_aname applies `!=` to each ancestor and stops at the first true.
        check("proc.aname != sshd", true)
        check("not proc.aname = sshd", false)
    }

    func testAncestorPIDs() {
        check("proc.apid = 1", true)
        check("proc.apid in (2, 812)", true)
        check("proc.apid > 800", true)
        check("proc.apid < 1", false)
    }

    func testConnectionAddressEitherEndForEqualAndIn() {
        check("fd.ip = 192.168.1.9", true)
        check("fd.ip = 10.0.0.5", true)
        check("fd.ip in (8.8.8.8, 10.0.0.5)", true)
        check("fd.ip in (8.8.8.8)", false)
        check("fd.net = 192.168.0.0/16", true)
        check("fd.net in (172.16.0.0/12, 10.0.0.0/8)", true)
    }

    func testConnectionNotEqualNeedsBothEndsToDiffer() {
        check("fd.ip != 10.0.0.5", false)
        check("fd.ip != 8.8.8.8", true)
        check("fd.net != 10.0.0.0/8", false)
        check("fd.net != 172.16.0.0/12", true)
        check("fd.port != 443", false)
        check("fd.port != 80", true)
    }

    func testConnectionPortEitherEndForOrderings() {
        check("fd.port = 443", true)
        check("fd.port in (80, 8080)", false)
        check("fd.port < 1024", true)
        check("fd.port >= 50000", false)
    }

    func testListFieldInNeedsEveryValueAndIntersectsOne() throws {
        let audit = FilterTestEvent(["ka.user.groups": .list([.string("system:masters"), .string("dev")])],
                                    source: "k8s_audit")
        func eval(_ text: String) throws -> Bool { try filterEvaluate(text, audit, source: "k8s_audit") }
        XCTAssertFalse(try eval("ka.user.groups in (system:masters)"))
        XCTAssertTrue(try eval("ka.user.groups in (system:masters, dev, ops)"))
        XCTAssertTrue(try eval("ka.user.groups intersects (system:masters)"))
        XCTAssertFalse(try eval("ka.user.groups intersects (ops)"))
    }
}
